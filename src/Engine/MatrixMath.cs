using System.Numerics;
using System.Runtime.InteropServices;

namespace iAyos.Messaging.Engine;

/// <summary>
/// The matrix products every layer is built on, over row-major arrays with offsets. Rows of the result are
/// split across cores once a product is big enough to pay for it; each row is always summed by one thread in
/// one order, so results do not depend on the number of cores.
/// </summary>
public static class MatrixMath
{
    /// <summary>Multiply-adds below this run on the calling thread (a parallel loop costs a few microseconds).</summary>
    public const long ParallelThreshold = 1 << 17;

    /// <summary>C[m,n] (+)= A[m,k] · B[k,n].</summary>
    public static void MatMul(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool accumulate)
    {
        Check(a, aOffset, m * k, b, bOffset, k * n, c, cOffset, m * n);
        ForEachRow(m, (long)m * k * n, i =>
        {
            var row = c.AsSpan(cOffset + i * n, n);
            if (!accumulate) row.Clear();
            for (var p = 0; p < k; p++)
            {
                var aip = a[aOffset + i * k + p];
                if (aip != 0) MultiplyAdd(aip, b.AsSpan(bOffset + p * n, n), row);
            }
        });
    }

    /// <summary>C[m,n] (+)= A[m,k] · B[n,k]ᵀ.</summary>
    public static void MatMulTransposeB(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool accumulate)
    {
        Check(a, aOffset, m * k, b, bOffset, n * k, c, cOffset, m * n);
        ForEachRow(m, (long)m * k * n, i =>
        {
            var aRow = a.AsSpan(aOffset + i * k, k);
            for (var j = 0; j < n; j++)
            {
                var dot = Dot(aRow, b.AsSpan(bOffset + j * k, k));
                c[cOffset + i * n + j] = accumulate ? c[cOffset + i * n + j] + dot : dot;
            }
        });
    }

    /// <summary>C[m,n] (+)= A[k,m]ᵀ · B[k,n] (weight gradients: inputᵀ · outputGradient).</summary>
    public static void MatMulTransposeA(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool accumulate)
    {
        Check(a, aOffset, k * m, b, bOffset, k * n, c, cOffset, m * n);
        ForEachRow(m, (long)m * k * n, i =>
        {
            var row = c.AsSpan(cOffset + i * n, n);
            if (!accumulate) row.Clear();
            for (var p = 0; p < k; p++)
            {
                var api = a[aOffset + p * m + i];
                if (api != 0) MultiplyAdd(api, b.AsSpan(bOffset + p * n, n), row);
            }
        });
    }

    /// <summary>y += alpha · x.</summary>
    public static void MultiplyAdd(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y);
            var va = new Vector<float>(alpha);
            for (var v = 0; v < xs.Length; v++) ys[v] += va * xs[v];
            i = xs.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++) y[i] += alpha * x[i];
    }

    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
        {
            var xs = MemoryMarshal.Cast<float, Vector<float>>(x);
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y[..x.Length]);
            var acc = Vector<float>.Zero;
            for (var v = 0; v < xs.Length; v++) acc += xs[v] * ys[v];
            sum = Vector.Sum(acc);
            i = xs.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++) sum += x[i] * y[i];
        return sum;
    }

    private static void ForEachRow(int rows, long work, Action<int> row)
    {
        if (work < ParallelThreshold || rows < 2 || Environment.ProcessorCount < 2)
        {
            for (var i = 0; i < rows; i++) row(i);
            return;
        }
        Parallel.For(0, rows, row);
    }

    private static void Check(float[] a, int aOffset, int aLength, float[] b, int bOffset, int bLength, float[] c, int cOffset, int cLength)
    {
        if (aOffset < 0 || aOffset + aLength > a.Length) throw new ArgumentOutOfRangeException(nameof(a), "Left operand is out of range.");
        if (bOffset < 0 || bOffset + bLength > b.Length) throw new ArgumentOutOfRangeException(nameof(b), "Right operand is out of range.");
        if (cOffset < 0 || cOffset + cLength > c.Length) throw new ArgumentOutOfRangeException(nameof(c), "Result is out of range.");
    }
}
