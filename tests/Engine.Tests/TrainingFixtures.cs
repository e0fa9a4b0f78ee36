using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Engine.Training;

namespace iAyos.Messaging.Engine.Tests;

/// <summary>Small data sets and networks the trainer's tests share.</summary>
internal static class TrainingFixtures
{
    /// <summary>y = 2·x0 − 3·x1 + 0.5·x2 + 1 on uniform x in [-1, 1]: a Dense network can fit it exactly.</summary>
    public static (Tensor X, Tensor Y) Linear(int rows, int seed)
    {
        var x = GradientCheck.Random(seed, 1, rows, 3);
        var y = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++)
            y.Data[r] = 2 * x.Data[r * 3] - 3 * x.Data[r * 3 + 1] + 0.5f * x.Data[r * 3 + 2] + 1;
        return (x, y);
    }

    /// <summary>y = slope · x for one feature; training on slope 2 and validating on slope −2 makes val_loss rise
    /// every epoch, since the weight starts in (−√3, √3) (Glorot) and moves towards 2.</summary>
    public static (Tensor X, Tensor Y) Line(int rows, int seed, float slope)
    {
        var x = GradientCheck.Random(seed, 1, rows, 1);
        var y = Tensor.Zeros(rows, 1);
        for (var r = 0; r < rows; r++) y.Data[r] = slope * x.Data[r];
        return (x, y);
    }

    /// <summary>Dense → dropout → Dense → Dense, initialized from <paramref name="initSeed"/>.</summary>
    public static Network DropoutNetwork(int initSeed)
    {
        var init = new Random(initSeed);
        return new Network(new Dense("hidden", 3, 8, init), new TestDropout("dropout", 0.3), new Dense("mid", 8, 4, init), new Dense("output", 4, 1, init));
    }

    public static Network Single(int initSeed) => new(new Dense("dense", 1, 1, new Random(initSeed)));

    public static void AssertSameWeights(Network expected, Network actual)
    {
        var e = expected.GetWeights();
        var a = actual.GetWeights();
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++) Assert.Equal(e[i], a[i]); // bit for bit
    }

    public static bool SameWeights(Network a, Network b) =>
        a.GetWeights().Zip(b.GetWeights()).All(p => p.First.AsSpan().SequenceEqual(p.Second));

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    public sealed class Reports : IProgress<EpochReport>
    {
        public List<EpochReport> All { get; } = [];
        public void Report(EpochReport value) => All.Add(value);
    }
}
