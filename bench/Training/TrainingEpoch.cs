using BenchmarkDotNet.Attributes;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;

namespace iAyos.Messaging.Training.Bench;

/// <summary>
/// One epoch of <c>Trainer.Fit</c> (the single-input network) as the price model trains: 350 training rows of 60 features in
/// batches of 32 with Adam and L2 0.01, then val_loss over 88 rows (an 80/20 split of ~440 jobs).
/// Each invocation trains on from where the last left off; the work per epoch does not depend on the weights.
/// </summary>
[MemoryDiagnoser]
public class TrainingEpoch
{
    private const int TrainRows = 350, ValidationRows = 88;
    private readonly MeanSquaredError _loss = new();
    private Network _network = null!;
    private Adam _adam = null!;
    private Tensor _x = null!, _y = null!, _valX = null!, _valY = null!;
    private int _epoch;

    [ParamsSource(nameof(Networks))]
    public string Network { get; set; } = "dense";

    public static IEnumerable<string> Networks => BenchNetworks.Names;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _network = BenchNetworks.Build(Network, random);
        _adam = new Adam(_network.Parameters, learningRate: 0.001, l2: 0.01);
        (_x, _y) = (Rows(random, TrainRows, BenchNetworks.Features), Rows(random, TrainRows, BenchNetworks.Outputs));
        (_valX, _valY) = (Rows(random, ValidationRows, BenchNetworks.Features), Rows(random, ValidationRows, BenchNetworks.Outputs));
    }

    [Benchmark]
    public double OneEpoch()
    {
        var options = new TrainingOptions { Epochs = 1, BatchSize = 32, Seed = ++_epoch };
        return Trainer.Fit(_network, _loss, _adam, _x, _y, _valX, _valY, options).History[0].Loss;
    }

    private static Tensor Rows(Random random, int rows, int columns)
    {
        var t = Tensor.Zeros(rows, columns);
        for (var i = 0; i < t.Length; i++) t.Data[i] = (float)random.NextDouble();
        return t;
    }
}
