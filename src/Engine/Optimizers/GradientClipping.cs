using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace iAyos.Messaging.Engine.Optimizers;

/// <summary>Gradient clipping by the global norm of all gradients together (Keras' global_clipnorm, PyTorch's clip_grad_norm_).</summary>
public static class GradientClipping
{
    /// <summary>Elements summed as one unit of parallel work; the units are fixed by the parameters' sizes alone.</summary>
    private const int ChunkSize = 1 << 15;

    /// <summary>
    /// √(Σ over every parameter of Σ g²), in float64: each run of <see cref="ChunkSize"/> elements of a parameter is
    /// summed in vector lanes, and the runs' sums are added in parameter order. The runs may go to different cores, but
    /// every sum is taken in the same order whatever the number of cores, so the norm never depends on it.
    /// </summary>
    public static double GlobalNorm(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var chunks = new List<(float[] Data, int Start, int Length)>();
        foreach (var p in parameters)
            for (var start = 0; start < p.Grad.Length; start += ChunkSize)
                chunks.Add((p.Grad.Data, start, Math.Min(ChunkSize, p.Grad.Length - start)));
        var sums = new double[chunks.Count];
        if (chunks.Count > 1 && Environment.ProcessorCount > 1)
            Parallel.For(0, chunks.Count, c => sums[c] = SumOfSquares(chunks[c].Data.AsSpan(chunks[c].Start, chunks[c].Length)));
        else
            for (var c = 0; c < chunks.Count; c++) sums[c] = SumOfSquares(chunks[c].Data.AsSpan(chunks[c].Start, chunks[c].Length));
        double sum = 0;
        foreach (var s in sums) sum += s;
        return Math.Sqrt(sum);
    }

    /// <summary>The factor that brings gradients of global norm <paramref name="norm"/> down to <paramref name="maxNorm"/>:
    /// 1 when they are within it (or the norm is not finite, for the training loop to see the NaN loss).</summary>
    public static float Scale(double norm, double maxNorm) => norm <= maxNorm || !double.IsFinite(norm) ? 1f : (float)(maxNorm / norm);

    /// <summary>Scales every gradient by maxNorm / norm when the global norm exceeds <paramref name="maxNorm"/>,
    /// keeping their direction; returns the norm before clipping.</summary>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> parameters, double maxNorm)
    {
        if (!(maxNorm > 0)) throw new ArgumentOutOfRangeException(nameof(maxNorm), "The clipping norm must be positive.");
        var norm = GlobalNorm(parameters);
        var scale = Scale(norm, maxNorm);
        if (scale == 1f) return norm;
        foreach (var p in parameters)
        {
            var g = p.Grad.Data;
            for (var i = 0; i < g.Length; i++) g[i] *= scale;
        }
        return norm;
    }

    /// <summary>Σ g² in float64, four float64 vectors of lanes at a time, then the lanes, then the tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double SumOfSquares(ReadOnlySpan<float> g)
    {
        var i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && g.Length >= Vector<float>.Count)
        {
            var gs = MemoryMarshal.Cast<float, Vector<float>>(g);
            Vector<double> a0 = Vector<double>.Zero, a1 = Vector<double>.Zero;
            foreach (var v in gs)
            {
                Vector.Widen(v, out var low, out var high);
                a0 += low * low;
                a1 += high * high;
            }
            sum = Vector.Sum(a0 + a1);
            i = gs.Length * Vector<float>.Count;
        }
        for (; i < g.Length; i++) sum += (double)g[i] * g[i];
        return sum;
    }
}
