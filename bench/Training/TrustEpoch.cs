using System.Diagnostics;
using System.Text.Json;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;

namespace iAyos.Messaging.Training.Bench;

/// <summary>
/// Seconds per training epoch of seed 003's trust network on random data of exactly the shapes
/// ../shared/anchors/torch_timing.py's <c>trust</c> times PyTorch on: 4,200 rows of (2, 384), batch 32, LSTM 256 → 128 → 64
/// (sequences between layers) with dropout 0.4 after each, Dense(1) and sigmoid, BCE, Adam 1e-3 with weight decay 1e-5 on
/// every parameter, gradients clipped to a global norm of 1.0. The numbers are times, not model quality. Prints one JSON
/// line, as the torch script does. Torch's LSTM has two bias vectors per layer and ours one, so torch counts 1,792 more
/// parameters (1,024 + 512 + 256) for the same function.
///   dotnet run -c Release --project bench/Training -- trust [--epochs 2] [--rows 4200] [--batch 32]
/// </summary>
public static class TrustEpoch
{
    public const int Time = 2, Features = 384;

    public static int Run(string[] args)
    {
        var (epochs, rows, batch) = (BenchOptions.Int(args, "--epochs", 2), BenchOptions.Int(args, "--rows", 4200), BenchOptions.Int(args, "--batch", 32));
        var random = new Random(42);
        var network = Build(random);
        var (inputs, labels) = Data(rows, random);
        var adam = new Adam(network.Parameters, learningRate: 1e-3, weightDecay: 1e-5, globalClipNorm: 1.0);
        var loss = new BinaryCrossEntropy();
        var times = new List<double>();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            Trainer.Fit(network, loss, adam, inputs, labels, null, null, new TrainingOptions { Epochs = 1, BatchSize = batch, Seed = epoch });
            times.Add(clock.Elapsed.TotalSeconds);
        }
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kind"] = "trust",
            ["engine"] = "iAyos.Messaging.Engine",
            ["processors"] = Environment.ProcessorCount,
            ["rows"] = rows,
            ["batch"] = batch,
            ["epochs_timed"] = epochs,
            ["total_train_seconds"] = Math.Round(times.Sum(), 3),
            ["seconds_per_epoch_median"] = Math.Round(BenchOptions.Median(times), 4),
            ["first_epoch_seconds"] = Math.Round(times[0], 4),
            ["params"] = network.Parameters.Sum(p => p.Value.Length),
            ["infer_1_row_ms"] = Math.Round(InferMilliseconds(network, 1, 200), 4),
            ["infer_1000_rows_ms"] = Math.Round(InferMilliseconds(network, 1000, 20), 3),
        }));
        return 0;
    }

    public static Network Build(Random init) => new(
        new Lstm("lstm_1", Features, 256, init, returnSequences: true),
        new Dropout("dropout_1", 0.4),
        new Lstm("lstm_2", 256, 128, init, returnSequences: true),
        new Dropout("dropout_2", 0.4),
        new Lstm("lstm_3", 128, 64, init),
        new Dropout("dropout_3", 0.4),
        new Dense("output", 64, 1, init),
        new Activation("sigmoid", ActivationKind.Sigmoid));

    /// <summary>Standard normal inputs (as torch.randn) and random 0/1 labels.</summary>
    public static (Tensor Inputs, Tensor Labels) Data(int rows, Random random)
    {
        var inputs = Tensor.Zeros(rows, Time, Features);
        for (var i = 0; i < inputs.Length; i++) inputs.Data[i] = (float)Initializers.Gaussian(random);
        var labels = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++) labels.Data[r] = random.Next(2);
        return (inputs, labels);
    }

    /// <summary>The median of <paramref name="repeats"/> inference passes over <paramref name="rows"/> rows at once, after
    /// three warm-up passes (as the torch script measures).</summary>
    private static double InferMilliseconds(Network network, int rows, int repeats)
    {
        var (x, _) = Data(rows, new Random(1));
        for (var i = 0; i < 3; i++) network.Forward(x, null);
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            network.Forward(x, null);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return BenchOptions.Median(times);
    }
}
