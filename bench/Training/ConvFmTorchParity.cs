using System.Text.Json;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.Bench;

/// <summary>
/// Writes a ConvFM at the benchmark's sizes (trained a few steps, so BatchNorm's running statistics are not at their
/// start), random rows (with unknown ids and skill padding) and the engine's inference output to a JSON file, for
/// bench/Training/convfm_torch_parity.py to load into ../shared/anchors/torch_timing.py's ConvFM and compare: the
/// check that the network is the PyTorch reference's.
///   dotnet run -c Release --project bench/Training -- convfm-export FILE
/// </summary>
public static class ConvFmTorchParity
{
    public static int Run(string[] args)
    {
        var random = new Random(11);
        var network = new ConvFmNetwork(ConvFmEpoch.Users, ConvFmEpoch.Jobs, ConvFmEpoch.Locations, ConvFmEpoch.Companies, ConvFmEpoch.Skills, ConvFmEpoch.MaxSkills, random);
        var (x, y) = ConvFmEpoch.Data(2000, random);
        iAyos.Messaging.Engine.Training.Trainer.Fit(network, new iAyos.Messaging.Engine.Losses.BinaryCrossEntropy(),
            new iAyos.Messaging.Engine.Optimizers.Adam(network.Parameters, learningRate: 0.01), x, y, null, null,
            new iAyos.Messaging.Engine.Training.TrainingOptions { Epochs = 1, Seed = 12 });
        var (rows, _) = ConvFmEpoch.Data(64, random);
        for (var r = 0; r < 64; r += 5) rows[ConvFmNetwork.UserInput].Data[r] = 0;
        for (var r = 0; r < 64; r += 3)
            for (var s = r % ConvFmEpoch.MaxSkills; s < ConvFmEpoch.MaxSkills; s++) rows[ConvFmNetwork.SkillsInput].Data[r * ConvFmEpoch.MaxSkills + s] = 0;
        var output = network.Predict(rows);
        var document = new Dictionary<string, object>
        {
            ["weights"] = network.Weights.ToDictionary(w => w.Name, w => (object)new { shape = w.Value.Shape, data = w.Value.Data }),
            ["inputs"] = rows.Select(t => new { shape = t.Shape, data = t.Data.Select(v => (long)v).ToArray() }).ToArray(),
            ["output"] = output.Data,
        };
        File.WriteAllText(args[0], JsonSerializer.Serialize(document));
        Console.WriteLine($"wrote {args[0]}");
        return 0;
    }
}
