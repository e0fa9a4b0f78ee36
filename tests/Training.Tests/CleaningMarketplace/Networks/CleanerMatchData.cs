using iAyos.Messaging.Engine;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace.Networks;

namespace iAyos.Messaging.Training.Tests.CleaningMarketplace.Networks;

/// <summary>Random rows for the cleaner-match network, and planted problems it must learn.</summary>
internal static class CleanerMatchData
{
    public const int Clients = 30, Cleaners = 25, PropertyTypes = 4;

    /// <summary>Uniform indices in [0, vocabulary) (0, unknown, included) and features uniform in [0, 1).</summary>
    public static Tensor[] RandomInputs(int rows, int seed)
    {
        var random = new Random(seed);
        var (clients, cleaners, types) = (new long[rows], new long[rows], new long[rows]);
        var features = new float[rows * CleanerMatchFeatures.Count];
        for (var r = 0; r < rows; r++)
        {
            clients[r] = random.Next(Clients);
            cleaners[r] = random.Next(Cleaners);
            types[r] = random.Next(PropertyTypes);
        }
        for (var i = 0; i < features.Length; i++) features[i] = (float)random.NextDouble();
        return CleanerMatchNetwork.Inputs(clients, cleaners, types, features);
    }

    /// <summary>Target = the cleaner's own planted quality (0.2-0.9) plus a little noise; the features are noise.</summary>
    public static (Tensor[] Inputs, Tensor Y) ByCleaner(int rows, int seed)
    {
        var quality = new Random(1234);
        var perCleaner = Enumerable.Range(0, Cleaners).Select(_ => 0.2f + 0.7f * (float)quality.NextDouble()).ToArray();
        var inputs = RandomInputs(rows, seed);
        var noise = new Random(seed + 1);
        var y = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++)
            y.Data[r] = perCleaner[(int)inputs[CleanerMatchNetwork.CleanerInput].Data[r]] + 0.02f * (float)(noise.NextDouble() - 0.5);
        return (inputs, y);
    }

    /// <summary>Target = a function of two features; the ids are drawn independently of it.</summary>
    public static (Tensor[] Inputs, Tensor Y) ByFeatures(int rows, int seed)
    {
        var inputs = RandomInputs(rows, seed);
        var f = inputs[CleanerMatchNetwork.FeaturesInput].Data;
        var y = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++)
            y.Data[r] = 0.2f + 0.5f * f[r * CleanerMatchFeatures.Count + 7] + 0.25f * f[r * CleanerMatchFeatures.Count + 12] * f[r * CleanerMatchFeatures.Count + 4];
        return (inputs, y);
    }

    public static double MeanSquaredError(Tensor prediction, Tensor target) =>
        prediction.Data.Zip(target.Data).Average(p => (double)(p.First - p.Second) * (p.First - p.Second));

    public static double MeanBaseline(Tensor train, Tensor test)
    {
        var mean = train.Data.Average();
        return test.Data.Average(v => (double)(v - mean) * (v - mean));
    }
}
