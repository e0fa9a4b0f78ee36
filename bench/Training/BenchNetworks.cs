using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Training.Bench;

/// <summary>The networks the epoch benchmark trains, by name; add a case to bench another (the LSTM price network).</summary>
public static class BenchNetworks
{
    /// <summary>Seed 001's price model: 60 features in, 3 outputs.</summary>
    public const int Features = 60, Outputs = 3;

    public static IEnumerable<string> Names => ["dense"];

    public static Network Build(string name, Random init) => name switch
    {
        // The price network's widths (64, 32, 16 -> 3) with Dense layers in place of the LSTMs.
        "dense" => new Network(
            new Dense("dense_1", Features, 64, init),
            new Dense("dense_2", 64, 32, init),
            new Dense("dense_3", 32, 16, init),
            new Dense("output", 16, Outputs, init)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such bench network."),
    };
}
