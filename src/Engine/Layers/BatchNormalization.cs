using System.Numerics;

namespace iAyos.Messaging.Engine.Layers;

/// <summary>
/// Keras' <c>BatchNormalization</c> over the last axis: y = γ (x − μ) / √(σ² + ε) + β per feature. Training
/// normalizes with the batch's own mean and (biased) variance, taken over every row ([batch, features], or
/// [batch, time, features] over batch and time), and moves the running statistics toward them:
/// running = momentum · running + (1 − momentum) · batch, as Keras does. Inference uses the running statistics.
/// </summary>
/// <remarks>
/// <see cref="RunningMean"/> and <see cref="RunningVariance"/> are state the optimizer must not touch but a
/// checkpoint must save and restore (Keras names them moving_mean and moving_variance); they are not in
/// <see cref="Parameters"/>.
/// </remarks>
public sealed class BatchNormalization : ILayer, IHasState
{
    private Tensor? _input;
    private bool _trained;        // whether the last forward used batch statistics
    private float[]? _normalized; // x̂ of the last forward
    private float[]? _inverseStd; // 1 / √(σ² + ε) per feature, of whichever statistics the last forward used

    public BatchNormalization(string name, int features, double momentum = 0.99, double epsilon = 1e-3)
    {
        if (features <= 0) throw new ArgumentOutOfRangeException(nameof(features), features, "BatchNormalization needs a positive feature count.");
        if (!(momentum >= 0 && momentum <= 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1].");
        if (!(epsilon > 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "Epsilon must be positive.");
        Name = name;
        Features = features;
        Momentum = momentum;
        Epsilon = epsilon;
        var ones = Tensor.Zeros(features);
        Array.Fill(ones.Data, 1f);
        Gamma = new Parameter($"{name}/gamma", ones, isKernel: false);
        Beta = new Parameter($"{name}/beta", Tensor.Zeros(features), isKernel: false);
        Parameters = [Gamma, Beta];
        RunningMean = Tensor.Zeros(features);
        RunningVariance = ones.Clone();
    }

    public string Name { get; }
    public int Features { get; }
    public double Momentum { get; }
    public double Epsilon { get; }
    public Parameter Gamma { get; }
    public Parameter Beta { get; }
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>[features], starts at 0; updated by every training forward. Non-trainable, checkpointed.</summary>
    public Tensor RunningMean { get; }

    /// <summary>[features], starts at 1; updated by every training forward. Non-trainable, checkpointed.</summary>
    public Tensor RunningVariance { get; }

    /// <summary>Saved with the weights (Keras' moving_mean and moving_variance).</summary>
    public IReadOnlyList<Tensor> State => [RunningMean, RunningVariance];

    public Tensor Forward(Tensor input, Random? training)
    {
        if (input.Rank < 2 || input.Dim(-1) != Features || input.Length == 0)
            throw new ArgumentException($"{Name} expects a non-empty [..., {Features}], got {input}.", nameof(input));
        return training is null ? ForwardInference(input) : ForwardTraining(input);
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var input = _input ?? throw new InvalidOperationException($"{Name}: Backward before Forward.");
        if (outputGradient.Length != input.Length)
            throw new ArgumentException($"{Name} produced {input}, got a gradient {outputGradient}.", nameof(outputGradient));
        var rows = input.Length / Features;
        var g = outputGradient.Data;
        var xhat = _normalized!;
        var inverseStd = _inverseStd!;
        var gamma = Gamma.Value.Data;
        var sumG = new double[Features];
        var sumGx = new double[Features];
        for (var r = 0; r < rows; r++)
            SumRow(g.AsSpan(r * Features, Features), xhat.AsSpan(r * Features, Features), sumG, sumGx);
        for (var f = 0; f < Features; f++)
        {
            Gamma.Grad.Data[f] += (float)sumGx[f];
            Beta.Grad.Data[f] += (float)sumG[f];
        }
        var inputGradient = Tensor.ZerosLike(input);
        var dx = inputGradient.Data;
        if (!_trained)
        {
            // The statistics are constants: y is affine in x.
            for (var r = 0; r < rows; r++)
                for (var f = 0; f < Features; f++)
                    dx[r * Features + f] = g[r * Features + f] * gamma[f] * inverseStd[f];
            return inputGradient;
        }
        // Through the batch mean and variance too: dx = γ/σ · (g − mean(g) − x̂ · mean(g · x̂)).
        var scale = new double[Features];
        var meanG = new double[Features];
        for (var f = 0; f < Features; f++) (scale[f], meanG[f]) = (gamma[f] * inverseStd[f], sumG[f] / rows);
        for (var r = 0; r < rows; r++)
            InputGradientRow(g.AsSpan(r * Features, Features), xhat.AsSpan(r * Features, Features), scale, meanG, sumGx, rows, dx.AsSpan(r * Features, Features));
        return inputGradient;
    }

    /// <summary>Inference folds into y = x · scale + shift per feature (scale = γ/√(σ²+ε), shift = β − μ · scale).</summary>
    public string ExportOnnx(OnnxExport export, string input)
    {
        var (scale, shift) = FoldedScaleShift();
        var scaleName = export.Name(Name, "scale");
        var shiftName = export.Name(Name, "shift");
        var scaled = export.Name(Name, "scaled");
        var output = export.Name(Name, "output");
        export.Graph
            .AddInitializer(scaleName, scale, Features)
            .AddInitializer(shiftName, shift, Features)
            .AddNode("Mul", [input, scaleName], [scaled])
            .AddNode("Add", [scaled, shiftName], [output]);
        return output;
    }

    private Tensor ForwardTraining(Tensor input)
    {
        var rows = input.Length / Features;
        var x = input.Data;
        var mean = new double[Features];
        var variance = new double[Features];
        for (var r = 0; r < rows; r++) AddRow(x.AsSpan(r * Features, Features), mean);
        for (var f = 0; f < Features; f++) mean[f] /= rows;
        for (var r = 0; r < rows; r++) AddSquaredDeviations(x.AsSpan(r * Features, Features), mean, variance);
        var inverseStd = new float[Features];
        var inverseStdWide = new double[Features];
        for (var f = 0; f < Features; f++)
        {
            variance[f] /= rows;
            inverseStd[f] = (float)(1 / Math.Sqrt(variance[f] + Epsilon));
            inverseStdWide[f] = inverseStd[f];
            RunningMean.Data[f] = (float)(Momentum * RunningMean.Data[f] + (1 - Momentum) * mean[f]);
            RunningVariance.Data[f] = (float)(Momentum * RunningVariance.Data[f] + (1 - Momentum) * variance[f]);
        }
        var output = Tensor.ZerosLike(input);
        var xhat = new float[input.Length];
        for (var r = 0; r < rows; r++)
            NormalizeRow(x.AsSpan(r * Features, Features), mean, inverseStdWide, Gamma.Value.Data, Beta.Value.Data,
                xhat.AsSpan(r * Features, Features), output.Data.AsSpan(r * Features, Features));
        Remember(input, trained: true, xhat, inverseStd);
        return output;
    }

    // The row kernels below work a vector of features at a time, widening to float64 where the statistics are float64;
    // each element gets exactly the operations (and roundings) of the scalar tail, which is the plain formula.

    /// <summary>sum[f] += x[f] in float64.</summary>
    private static void AddRow(ReadOnlySpan<float> x, Span<double> sum)
    {
        var f = 0;
        if (Vector.IsHardwareAccelerated)
            for (; f + Vector<float>.Count <= x.Length; f += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(x[f..]), out var lo, out var hi);
                (new Vector<double>(sum[f..]) + lo).CopyTo(sum[f..]);
                (new Vector<double>(sum[(f + Vector<double>.Count)..]) + hi).CopyTo(sum[(f + Vector<double>.Count)..]);
            }
        for (; f < x.Length; f++) sum[f] += x[f];
    }

    /// <summary>variance[f] += (x[f] − mean[f])² in float64.</summary>
    private static void AddSquaredDeviations(ReadOnlySpan<float> x, ReadOnlySpan<double> mean, Span<double> variance)
    {
        var f = 0;
        var half = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated)
            for (; f + Vector<float>.Count <= x.Length; f += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(x[f..]), out var lo, out var hi);
                var (dLo, dHi) = (lo - new Vector<double>(mean[f..]), hi - new Vector<double>(mean[(f + half)..]));
                (new Vector<double>(variance[f..]) + dLo * dLo).CopyTo(variance[f..]);
                (new Vector<double>(variance[(f + half)..]) + dHi * dHi).CopyTo(variance[(f + half)..]);
            }
        for (; f < x.Length; f++)
        {
            var d = x[f] - mean[f];
            variance[f] += d * d;
        }
    }

    /// <summary>x̂ = (float)((x − mean) · inverseStd) in float64; y = γ x̂ + β in float32.</summary>
    private static void NormalizeRow(ReadOnlySpan<float> x, ReadOnlySpan<double> mean, ReadOnlySpan<double> inverseStd, ReadOnlySpan<float> gamma,
        ReadOnlySpan<float> beta, Span<float> xhat, Span<float> y)
    {
        var f = 0;
        var half = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated)
            for (; f + Vector<float>.Count <= x.Length; f += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(x[f..]), out var lo, out var hi);
                var normalized = Vector.Narrow((lo - new Vector<double>(mean[f..])) * new Vector<double>(inverseStd[f..]),
                    (hi - new Vector<double>(mean[(f + half)..])) * new Vector<double>(inverseStd[(f + half)..]));
                normalized.CopyTo(xhat[f..]);
                (new Vector<float>(gamma[f..]) * normalized + new Vector<float>(beta[f..])).CopyTo(y[f..]);
            }
        for (; f < x.Length; f++)
        {
            xhat[f] = (float)((x[f] - mean[f]) * inverseStd[f]);
            y[f] = gamma[f] * xhat[f] + beta[f];
        }
    }

    /// <summary>sumG[f] += g[f], sumGx[f] += g[f] · x̂[f], in float64.</summary>
    private static void SumRow(ReadOnlySpan<float> g, ReadOnlySpan<float> xhat, Span<double> sumG, Span<double> sumGx)
    {
        var f = 0;
        var half = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated)
            for (; f + Vector<float>.Count <= g.Length; f += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(g[f..]), out var gLo, out var gHi);
                Vector.Widen(new Vector<float>(xhat[f..]), out var xLo, out var xHi);
                (new Vector<double>(sumG[f..]) + gLo).CopyTo(sumG[f..]);
                (new Vector<double>(sumG[(f + half)..]) + gHi).CopyTo(sumG[(f + half)..]);
                (new Vector<double>(sumGx[f..]) + gLo * xLo).CopyTo(sumGx[f..]);
                (new Vector<double>(sumGx[(f + half)..]) + gHi * xHi).CopyTo(sumGx[(f + half)..]);
            }
        for (; f < g.Length; f++)
        {
            sumG[f] += g[f];
            sumGx[f] += (double)g[f] * xhat[f];
        }
    }

    /// <summary>dx = (float)(scale · (g − meanG − x̂ · sumGx / rows)) in float64, scale = (γ · 1/σ rounded to float32).</summary>
    private static void InputGradientRow(ReadOnlySpan<float> g, ReadOnlySpan<float> xhat, ReadOnlySpan<double> scale, ReadOnlySpan<double> meanG,
        ReadOnlySpan<double> sumGx, int rows, Span<float> dx)
    {
        var f = 0;
        var half = Vector<double>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var n = new Vector<double>(rows);
            for (; f + Vector<float>.Count <= g.Length; f += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(g[f..]), out var gLo, out var gHi);
                Vector.Widen(new Vector<float>(xhat[f..]), out var xLo, out var xHi);
                var lo = new Vector<double>(scale[f..]) * (gLo - new Vector<double>(meanG[f..]) - xLo * new Vector<double>(sumGx[f..]) / n);
                var hi = new Vector<double>(scale[(f + half)..]) * (gHi - new Vector<double>(meanG[(f + half)..]) - xHi * new Vector<double>(sumGx[(f + half)..]) / n);
                Vector.Narrow(lo, hi).CopyTo(dx[f..]);
            }
        }
        for (; f < g.Length; f++) dx[f] = (float)(scale[f] * (g[f] - meanG[f] - xhat[f] * sumGx[f] / rows));
    }

    private Tensor ForwardInference(Tensor input)
    {
        var rows = input.Length / Features;
        var x = input.Data;
        var (scale, shift) = FoldedScaleShift();
        var inverseStd = new float[Features];
        for (var f = 0; f < Features; f++) inverseStd[f] = (float)(1 / Math.Sqrt(RunningVariance.Data[f] + Epsilon));
        var output = Tensor.ZerosLike(input);
        var xhat = new float[input.Length];
        for (var r = 0; r < rows; r++)
            for (var f = 0; f < Features; f++)
            {
                var i = r * Features + f;
                output.Data[i] = x[i] * scale[f] + shift[f];
                xhat[i] = (x[i] - RunningMean.Data[f]) * inverseStd[f];
            }
        Remember(input, trained: false, xhat, inverseStd);
        return output;
    }

    private (float[] Scale, float[] Shift) FoldedScaleShift()
    {
        var scale = new float[Features];
        var shift = new float[Features];
        for (var f = 0; f < Features; f++)
        {
            var s = Gamma.Value.Data[f] / Math.Sqrt(RunningVariance.Data[f] + Epsilon);
            scale[f] = (float)s;
            shift[f] = (float)(Beta.Value.Data[f] - RunningMean.Data[f] * s);
        }
        return (scale, shift);
    }

    private void Remember(Tensor input, bool trained, float[] normalized, float[] inverseStd)
    {
        _input = input;
        _trained = trained;
        _normalized = normalized;
        _inverseStd = inverseStd;
    }
}
