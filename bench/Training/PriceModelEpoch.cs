using BenchmarkDotNet.Attributes;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Training.Bench;

/// <summary>
/// One epoch of the price model exactly as a training run does it: ph_blue_collar_synthetic.csv's fixed split
/// (350 training rows, batch 32, Adam, then val_loss over 75 rows), for the seed network (60 features, two
/// LSTMs) and the served one (1,000+ hashed features, feed-forward). Reads ../shared/data (IAYOS_SHARED_DATA).
/// </summary>
[MemoryDiagnoser]
public class PriceModelEpoch
{
    private readonly MeanSquaredError _loss = new();
    private Network _network = null!;
    private Adam _adam = null!;
    private Tensor _x = null!, _y = null!, _valX = null!, _valY = null!;
    private int _epoch;

    [Params(PriceFeatureConfigurations.Seed, PriceFeatureConfigurations.Served)]
    public string Configuration { get; set; } = PriceFeatureConfigurations.Served;

    [GlobalSetup]
    public void Setup()
    {
        var data = Environment.GetEnvironmentVariable("IAYOS_SHARED_DATA") ?? Path.GetFullPath(Path.Combine("..", "shared", "data"));
        var dataset = PriceDataset.FromCsv(Path.Combine(data, "ph_blue_collar_synthetic.csv"), Path.Combine(data, "splits", "ph_blue_collar_synthetic.split.json"));
        var spec = Configuration == PriceFeatureConfigurations.Seed
            ? PriceFeatureFitter.FitSeed(dataset.Train.Select(r => r.Request))
            : PriceFeatureFitter.FitServed(dataset.Train.Select(r => r.Request)) with { Prior = PriceMedianBaseline.Fit(dataset.Train).ToPrior() };
        (_x, _y) = PriceModelTraining.Tensors(dataset.Train, spec);
        (_valX, _valY) = PriceModelTraining.Tensors(dataset.Validation, spec);
        _network = PriceNetworks.Build(spec, seed: 42);
        var settings = PriceNetworks.For(Configuration);
        _adam = new Adam(_network.Parameters, settings.LearningRate, l2: settings.L2);
    }

    [Benchmark]
    public double OneEpoch()
    {
        var options = new TrainingOptions { Epochs = 1, BatchSize = 32, Seed = ++_epoch };
        return Trainer.Fit(_network, _loss, _adam, _x, _y, _valX, _valY, options).History[0].Loss;
    }
}
