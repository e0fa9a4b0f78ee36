using iAyos.Messaging.Engine;

namespace iAyos.Messaging.Engine.Tests;

/// <summary>
/// Compares a layer's backward pass with central finite differences of L = Σ output ⊙ R (R fixed random, the
/// sum taken in float64). The engine computes in float32, so the differences carry float32 rounding: the
/// documented tolerance is a relative error |a − n| / max(|a|, |n|, 1e-2) below 1e-2 with ε = 1e-2, where a
/// wrong gradient (a missed term, a transposed weight, a swapped gate) shows up as an error near 1.
/// </summary>
public static class GradientCheck
{
    public const double Epsilon = 1e-2;
    public const double Tolerance = 1e-2;
    private const double Floor = 1e-2;

    public sealed record Result(string Where, int Index, double Analytic, double Numeric, double RelativeError);

    /// <summary>Checks the input gradient and every parameter's gradient; returns the worst element of each.</summary>
    /// <param name="training">Seed of the dropout masks when checking training mode; each forward pass replays it.</param>
    public static IReadOnlyList<Result> Check(ILayer layer, Tensor input, int seed = 7, int? training = null, int maxPerTensor = 64)
    {
        Random? Masks() => training is { } s ? new Random(s) : null;
        var output = layer.Forward(input, Masks());
        var weights = RandomLike(output, seed);

        foreach (var p in layer.Parameters) p.ZeroGrad();
        layer.Forward(input, Masks());
        var inputGradient = layer.Backward(weights);
        var analytic = layer.Parameters.Select(p => (p.Name, Grad: (float[])p.Grad.Data.Clone(), p.Value.Data)).ToList();

        double Loss()
        {
            var o = layer.Forward(input, Masks());
            double sum = 0;
            for (var i = 0; i < o.Length; i++) sum += (double)o.Data[i] * weights.Data[i];
            return sum;
        }

        var results = new List<Result> { Worst("input", input.Data, inputGradient.Data, Loss, seed, maxPerTensor) };
        results.AddRange(analytic.Select(p => Worst(p.Name, p.Data, p.Grad, Loss, seed, maxPerTensor)));
        return results;
    }

    /// <summary>Checks d loss / d prediction of a loss function the same way.</summary>
    public static Result CheckLoss(Func<Tensor, Tensor, (double Loss, Tensor Gradient)> loss, Tensor prediction, Tensor target, int maxPerTensor = 64)
    {
        var analytic = loss(prediction, target).Gradient.Data;
        return Worst("prediction", prediction.Data, analytic, () => loss(prediction, target).Loss, 3, maxPerTensor);
    }

    public static Tensor RandomLike(Tensor like, int seed, double scale = 1)
    {
        var random = new Random(seed);
        var t = Tensor.ZerosLike(like);
        for (var i = 0; i < t.Length; i++) t.Data[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        return t;
    }

    public static Tensor Random(int seed, double scale, params int[] shape) => RandomLike(Tensor.Zeros(shape), seed, scale);

    private static Result Worst(string where, float[] values, float[] analytic, Func<double> loss, int seed, int maxPerTensor)
    {
        var indices = Enumerable.Range(0, values.Length).ToList();
        if (indices.Count > maxPerTensor)
        {
            var random = new Random(seed + values.Length);
            indices = indices.OrderBy(_ => random.Next()).Take(maxPerTensor).ToList();
        }
        var worst = new Result(where, -1, 0, 0, 0);
        foreach (var i in indices)
        {
            var original = values[i];
            values[i] = original + (float)Epsilon;
            var plus = loss();
            values[i] = original - (float)Epsilon;
            var minus = loss();
            values[i] = original;
            var numeric = (plus - minus) / (2 * Epsilon);
            var error = Math.Abs(analytic[i] - numeric) / Math.Max(Floor, Math.Max(Math.Abs(analytic[i]), Math.Abs(numeric)));
            if (error >= worst.RelativeError) worst = new Result(where, i, analytic[i], numeric, error);
        }
        return worst;
    }
}
