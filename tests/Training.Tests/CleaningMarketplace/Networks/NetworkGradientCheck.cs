using iAyos.Messaging.Engine;

namespace iAyos.Messaging.Training.Tests.CleaningMarketplace.Networks;

/// <summary>
/// Central finite differences of L = Σ output ⊙ R (R fixed random, summed in float64) against a whole model's
/// backward pass, for every parameter: the engine's layer check (Engine.Tests' GradientCheck) applied to a
/// multi-input <see cref="ITrainableNetwork"/>. Same tolerance: relative error below 1e-2 with ε = 1e-2; a missed
/// term or a wrong wiring shows up near 1. Dropout masks replay from the same seed on every pass.
/// A whole ReLU network has kinks a step of ε can cross (a bias moves every row's pre-activation); there the
/// finite difference is not a derivative. Such elements are recognised by their one-sided differences disagreeing
/// (beyond the tolerance: curvature does that too, so some smooth elements go as well) and left out, and <see cref="Result.Skipped"/> counts them,
/// so a test can require that most elements were checked. A wrong gradient at a smooth point is still caught.
/// </summary>
public static class NetworkGradientCheck
{
    public const double Epsilon = 1e-2;
    public const double Tolerance = 1e-2;
    private const double Floor = 1e-2;

    public sealed record Result(string Parameter, int Index, double Analytic, double Numeric, double RelativeError, int Checked, int Skipped);

    /// <summary>Moves a freshly initialized model away from its kinks for a check: embeddings uniform in (−1, 1) instead of
    /// (−0.05, 0.05) and biases uniform in (−0.3, 0.3) instead of 0, so pre-activations are rarely within ε of zero.</summary>
    public static void Spread(ITrainableNetwork network, int seed)
    {
        var random = new Random(seed);
        foreach (var p in network.Parameters)
        {
            var scale = p.Name.EndsWith("/embeddings", StringComparison.Ordinal) ? 1.0 : p.Name.EndsWith("/bias", StringComparison.Ordinal) ? 0.3 : 0;
            if (scale == 0) continue;
            for (var i = 0; i < p.Value.Length; i++) p.Value.Data[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        }
    }

    /// <summary>The worst element of each parameter, checking at most <paramref name="maxPerTensor"/> elements of
    /// each (the ones with a nonzero gradient first, so embedding rows the batch uses are always among them).</summary>
    public static IReadOnlyList<Result> Check(ITrainableNetwork network, IReadOnlyList<Tensor> inputs, int? training = null, int maxPerTensor = 48)
    {
        Random? Masks() => training is { } s ? new Random(s) : null;
        var output = network.Forward(inputs, Masks());
        var weights = new Tensor(new float[output.Length], output.Shape);
        var random = new Random(17);
        for (var i = 0; i < weights.Length; i++) weights.Data[i] = (float)(random.NextDouble() * 2 - 1);

        network.ZeroGrad();
        network.Forward(inputs, Masks());
        network.Backward(weights);

        var baseLoss = 0.0;
        double Loss()
        {
            var o = network.Forward(inputs, Masks());
            double sum = 0;
            for (var i = 0; i < o.Length; i++) sum += (double)o.Data[i] * weights.Data[i];
            return sum;
        }

        baseLoss = Loss();
        var results = new List<Result>();
        foreach (var p in network.Parameters)
        {
            var analytic = (float[])p.Grad.Data.Clone();
            var order = Enumerable.Range(0, analytic.Length).OrderBy(i => analytic[i] == 0 ? 1 : 0).ThenBy(_ => random.Next()).Take(maxPerTensor);
            var worst = new Result(p.Name, -1, 0, 0, 0, 0, 0);
            var (checkedCount, skipped) = (0, 0);
            foreach (var i in order)
            {
                var values = p.Value.Data;
                var original = values[i];
                values[i] = original + (float)Epsilon;
                var plus = Loss();
                values[i] = original - (float)Epsilon;
                var minus = Loss();
                values[i] = original;
                var numeric = (plus - minus) / (2 * Epsilon);
                var (right, left) = ((plus - baseLoss) / Epsilon, (baseLoss - minus) / Epsilon);
                if (Math.Abs(right - left) > Tolerance * Math.Max(Floor, Math.Max(Math.Abs(right), Math.Abs(left))))
                {
                    skipped++;
                    continue;
                }
                checkedCount++;
                var error = Math.Abs(analytic[i] - numeric) / Math.Max(Floor, Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric)));
                if (error >= worst.RelativeError) worst = new Result(p.Name, i, analytic[i], numeric, error, 0, 0);
            }
            results.Add(worst with { Checked = checkedCount, Skipped = skipped });
        }
        return results;
    }
}
