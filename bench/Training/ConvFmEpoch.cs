using System.Diagnostics;
using System.Text.Json;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.Bench;

/// <summary>
/// Seconds per training epoch of <see cref="ConvFmNetwork"/> on random data of exactly the shapes
/// ../shared/anchors/torch_timing.py's <c>convfm</c> times PyTorch on: 100,000 rows, users 2,000, jobs 5,000, skills 500,
/// locations 50, companies 300, 10 skills a row, batch 32, Adam 1e-3, BCE, BatchNorm and dropout 0.2 on. The numbers
/// are times, not model quality. Prints one JSON line, as the torch script does.
///   dotnet run -c Release --project bench/Training -- convfm [--epochs 1] [--rows 100000] [--batch 32]
/// </summary>
public static class ConvFmEpoch
{
    public const int Users = 2000, Jobs = 5000, Skills = 500, Locations = 50, Companies = 300, MaxSkills = 10;

    public static int Run(string[] args)
    {
        var (epochs, rows, batch) = (BenchOptions.Int(args, "--epochs", 1), BenchOptions.Int(args, "--rows", 100_000), BenchOptions.Int(args, "--batch", 32));
        var random = new Random(42);
        var network = new ConvFmNetwork(Users, Jobs, Locations, Companies, Skills, MaxSkills, random);
        var (inputs, labels) = Data(rows, random);
        var adam = new Adam(network.Parameters, learningRate: 1e-3);
        var loss = new BinaryCrossEntropy();
        var times = new List<double>();
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            Trainer.Fit(network, loss, adam, inputs, labels, null, null, new TrainingOptions { Epochs = 1, BatchSize = batch, Seed = epoch });
            times.Add(clock.Elapsed.TotalSeconds);
        }
        var median = BenchOptions.Median(times);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["kind"] = "convfm",
            ["engine"] = "iAyos.Messaging.Engine",
            ["processors"] = Environment.ProcessorCount,
            ["rows"] = rows,
            ["batch"] = batch,
            ["epochs_timed"] = epochs,
            ["total_train_seconds"] = Math.Round(times.Sum(), 3),
            ["seconds_per_epoch_median"] = Math.Round(median, 4),
            ["first_epoch_seconds"] = Math.Round(times[0], 4),
            ["params"] = network.Parameters.Sum(p => p.Value.Length),
        }));
        return 0;
    }

    /// <summary>Ids uniform over each vocabulary (0 included, as the torch script draws them) and random 0/1 labels.</summary>
    public static (Tensor[] Inputs, Tensor Labels) Data(int rows, Random random)
    {
        var inputs = new[] { Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, 1), Tensor.Zeros(rows, MaxSkills) };
        for (var r = 0; r < rows; r++)
        {
            inputs[ConvFmNetwork.UserInput].Data[r] = random.Next(Users);
            inputs[ConvFmNetwork.JobInput].Data[r] = random.Next(Jobs);
            inputs[ConvFmNetwork.LocationInput].Data[r] = random.Next(Locations);
            inputs[ConvFmNetwork.CompanyInput].Data[r] = random.Next(Companies);
            for (var s = 0; s < MaxSkills; s++) inputs[ConvFmNetwork.SkillsInput].Data[r * MaxSkills + s] = random.Next(Skills);
        }
        var labels = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++) labels.Data[r] = random.Next(2);
        return (inputs, labels);
    }
}
