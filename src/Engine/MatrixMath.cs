using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace iAyos.Messaging.Engine;

/// <summary>
/// The matrix products every layer is built on, over row-major arrays with offsets. Rows of the result are
/// split across cores once a product is big enough to pay for it; each element is always summed by one thread in
/// one order (over the shared dimension, first to last), so results do not depend on the number of cores.
/// </summary>
/// <remarks>
/// The products work on tiles of <see cref="RowBlock"/> result rows at a time and keep the tile in registers across
/// the shared dimension, so each loaded row of the right operand serves four rows. Every element still receives
/// its products in the same order and with the same float operations (multiply, then add; no fused multiply-add)
/// as a row-at-a-time loop, so the tiling changes no result.
/// </remarks>
public static class MatrixMath
{
    /// <summary>Multiply-adds below this run on the calling thread (a parallel loop costs a few microseconds).</summary>
    public const long ParallelThreshold = 1 << 17;

    /// <summary>Result rows computed together (sharing each load of the right operand).</summary>
    public const int RowBlock = 4;

    /// <summary>C[m,n] (+)= A[m,k] · B[k,n].</summary>
    public static void MatMul(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool accumulate)
    {
        Check(a, aOffset, m * k, b, bOffset, k * n, c, cOffset, m * n);
        ForEachRowBlock(m, (long)m * k * n, (i, rows) => Product(a, aOffset, rowStride: k, pStride: 1, b, bOffset, c, cOffset, i, rows, k, n, accumulate));
    }

    /// <summary>C[m,n] (+)= A[m,k] · B[n,k]ᵀ.</summary>
    public static void MatMulTransposeB(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool accumulate)
    {
        Check(a, aOffset, m * k, b, bOffset, n * k, c, cOffset, m * n);
        ForEachRowBlock(m, (long)m * k * n, (i, rows) =>
        {
            for (var r = i; r < i + rows; r++) DotRows(a, aOffset + r * k, b, bOffset, c, cOffset + r * n, k, n, accumulate);
        });
    }

    /// <summary>C[m,n] (+)= A[k,m]ᵀ · B[k,n] (weight gradients: inputᵀ · outputGradient).</summary>
    public static void MatMulTransposeA(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool accumulate)
    {
        Check(a, aOffset, k * m, b, bOffset, k * n, c, cOffset, m * n);
        ForEachRowBlock(m, (long)m * k * n, (i, rows) => Product(a, aOffset, rowStride: 1, pStride: m, b, bOffset, c, cOffset, i, rows, k, n, accumulate));
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

    /// <summary>y /= divisor, element by element.</summary>
    public static void Divide(Span<float> y, float divisor)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<float>.Count)
        {
            var ys = MemoryMarshal.Cast<float, Vector<float>>(y);
            var d = new Vector<float>(divisor);
            for (var v = 0; v < ys.Length; v++) ys[v] /= d;
            i = ys.Length * Vector<float>.Count;
        }
        for (; i < y.Length; i++) y[i] /= divisor;
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

    /// <summary>
    /// Rows [i, i + rows) of C (+)= A · B, where A's element (row r, shared index p) is at aOffset + r·rowStride + p·pStride.
    /// Each C element starts from itself (accumulate) or +0 and adds a(r,p) · b(p,j) for p = 0 .. k−1, as
    /// <see cref="MultiplyAdd"/> row by row would; where that skips a zero a(r,p) the tile adds 0 · b(p,j) = ±0, which
    /// changes no value (b is finite in any run that has not already failed).
    /// </summary>
    private static void Product(float[] a, int aOffset, int rowStride, int pStride, float[] b, int bOffset, float[] c, int cOffset,
        int i, int rows, int k, int n, bool accumulate)
    {
        if (rows != RowBlock || k == 0 || n == 0 || !Vector.IsHardwareAccelerated)
        {
            for (var r = i; r < i + rows; r++) ProductRow(a, aOffset + r * rowStride, pStride, b, bOffset, c, cOffset + r * n, k, n, accumulate);
            return;
        }
        var width = Vector<float>.Count;
        ref var a0 = ref a[aOffset + i * rowStride];
        ref var bBase = ref b[bOffset];
        ref var c0 = ref c[cOffset + i * n];
        nuint rs = (nuint)rowStride, ps = (nuint)pStride, un = (nuint)n;
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
            j = Product512(ref a0, rs, ps, ref bBase, ref c0, un, k, n, accumulate);
        for (; j + 2 * width <= n; j += 2 * width)
        {
            nuint uj = (nuint)j;
            Vector<float> c00, c01, c10, c11, c20, c21, c30, c31;
            if (accumulate)
            {
                (c00, c01) = (Vector.LoadUnsafe(ref c0, uj), Vector.LoadUnsafe(ref c0, uj + (nuint)width));
                (c10, c11) = (Vector.LoadUnsafe(ref c0, un + uj), Vector.LoadUnsafe(ref c0, un + uj + (nuint)width));
                (c20, c21) = (Vector.LoadUnsafe(ref c0, 2 * un + uj), Vector.LoadUnsafe(ref c0, 2 * un + uj + (nuint)width));
                (c30, c31) = (Vector.LoadUnsafe(ref c0, 3 * un + uj), Vector.LoadUnsafe(ref c0, 3 * un + uj + (nuint)width));
            }
            else
            {
                c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector<float>.Zero;
            }
            for (nuint p = 0; p < (nuint)k; p++)
            {
                var ap = p * ps;
                float x0 = Unsafe.Add(ref a0, ap), x1 = Unsafe.Add(ref a0, rs + ap), x2 = Unsafe.Add(ref a0, 2 * rs + ap), x3 = Unsafe.Add(ref a0, 3 * rs + ap);
                if (x0 == 0 && x1 == 0 && x2 == 0 && x3 == 0) continue;
                var b0 = Vector.LoadUnsafe(ref bBase, p * un + uj);
                var b1 = Vector.LoadUnsafe(ref bBase, p * un + uj + (nuint)width);
                Vector<float> v0 = new(x0), v1 = new(x1), v2 = new(x2), v3 = new(x3);
                c00 += v0 * b0; c01 += v0 * b1;
                c10 += v1 * b0; c11 += v1 * b1;
                c20 += v2 * b0; c21 += v2 * b1;
                c30 += v3 * b0; c31 += v3 * b1;
            }
            c00.StoreUnsafe(ref c0, uj); c01.StoreUnsafe(ref c0, uj + (nuint)width);
            c10.StoreUnsafe(ref c0, un + uj); c11.StoreUnsafe(ref c0, un + uj + (nuint)width);
            c20.StoreUnsafe(ref c0, 2 * un + uj); c21.StoreUnsafe(ref c0, 2 * un + uj + (nuint)width);
            c30.StoreUnsafe(ref c0, 3 * un + uj); c31.StoreUnsafe(ref c0, 3 * un + uj + (nuint)width);
        }
        for (; j + width <= n; j += width)
        {
            nuint uj = (nuint)j;
            Vector<float> c00, c10, c20, c30;
            if (accumulate)
                (c00, c10, c20, c30) = (Vector.LoadUnsafe(ref c0, uj), Vector.LoadUnsafe(ref c0, un + uj), Vector.LoadUnsafe(ref c0, 2 * un + uj), Vector.LoadUnsafe(ref c0, 3 * un + uj));
            else
                c00 = c10 = c20 = c30 = Vector<float>.Zero;
            for (nuint p = 0; p < (nuint)k; p++)
            {
                var ap = p * ps;
                float x0 = Unsafe.Add(ref a0, ap), x1 = Unsafe.Add(ref a0, rs + ap), x2 = Unsafe.Add(ref a0, 2 * rs + ap), x3 = Unsafe.Add(ref a0, 3 * rs + ap);
                if (x0 == 0 && x1 == 0 && x2 == 0 && x3 == 0) continue;
                var b0 = Vector.LoadUnsafe(ref bBase, p * un + uj);
                c00 += new Vector<float>(x0) * b0;
                c10 += new Vector<float>(x1) * b0;
                c20 += new Vector<float>(x2) * b0;
                c30 += new Vector<float>(x3) * b0;
            }
            c00.StoreUnsafe(ref c0, uj);
            c10.StoreUnsafe(ref c0, un + uj);
            c20.StoreUnsafe(ref c0, 2 * un + uj);
            c30.StoreUnsafe(ref c0, 3 * un + uj);
        }
        // Columns past the last whole vector: MultiplyAdd's scalar tail, element by element.
        for (; j < n; j++)
            for (var r = 0; r < RowBlock; r++)
            {
                var sum = accumulate ? c[cOffset + (i + r) * n + j] : 0f;
                for (var p = 0; p < k; p++)
                {
                    var x = a[aOffset + (i + r) * rowStride + p * pStride];
                    if (x != 0) sum += x * b[bOffset + p * n + j];
                }
                c[cOffset + (i + r) * n + j] = sum;
            }
    }

    /// <summary>The 512-bit tiles of <see cref="Product"/> (4 rows × 32 columns), where the processor has them: the same
    /// operations on each element with half the instructions. Returns the first column it left.</summary>
    private static int Product512(ref float a0, nuint rs, nuint ps, ref float bBase, ref float c0, nuint un, int k, int n, bool accumulate)
    {
        const int width = 16;
        var j = 0;
        for (; j + 2 * width <= n; j += 2 * width)
        {
            nuint uj = (nuint)j, w = width;
            Vector512<float> c00, c01, c10, c11, c20, c21, c30, c31;
            if (accumulate)
            {
                (c00, c01) = (Vector512.LoadUnsafe(ref c0, uj), Vector512.LoadUnsafe(ref c0, uj + w));
                (c10, c11) = (Vector512.LoadUnsafe(ref c0, un + uj), Vector512.LoadUnsafe(ref c0, un + uj + w));
                (c20, c21) = (Vector512.LoadUnsafe(ref c0, 2 * un + uj), Vector512.LoadUnsafe(ref c0, 2 * un + uj + w));
                (c30, c31) = (Vector512.LoadUnsafe(ref c0, 3 * un + uj), Vector512.LoadUnsafe(ref c0, 3 * un + uj + w));
            }
            else
            {
                c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = Vector512<float>.Zero;
            }
            for (nuint p = 0; p < (nuint)k; p++)
            {
                var ap = p * ps;
                float x0 = Unsafe.Add(ref a0, ap), x1 = Unsafe.Add(ref a0, rs + ap), x2 = Unsafe.Add(ref a0, 2 * rs + ap), x3 = Unsafe.Add(ref a0, 3 * rs + ap);
                if (x0 == 0 && x1 == 0 && x2 == 0 && x3 == 0) continue;
                var b0 = Vector512.LoadUnsafe(ref bBase, p * un + uj);
                var b1 = Vector512.LoadUnsafe(ref bBase, p * un + uj + w);
                Vector512<float> v0 = Vector512.Create(x0), v1 = Vector512.Create(x1), v2 = Vector512.Create(x2), v3 = Vector512.Create(x3);
                c00 += v0 * b0; c01 += v0 * b1;
                c10 += v1 * b0; c11 += v1 * b1;
                c20 += v2 * b0; c21 += v2 * b1;
                c30 += v3 * b0; c31 += v3 * b1;
            }
            c00.StoreUnsafe(ref c0, uj); c01.StoreUnsafe(ref c0, uj + w);
            c10.StoreUnsafe(ref c0, un + uj); c11.StoreUnsafe(ref c0, un + uj + w);
            c20.StoreUnsafe(ref c0, 2 * un + uj); c21.StoreUnsafe(ref c0, 2 * un + uj + w);
            c30.StoreUnsafe(ref c0, 3 * un + uj); c31.StoreUnsafe(ref c0, 3 * un + uj + w);
        }
        return j;
    }

    /// <summary>One row of C (+)= A · B, a row of <see cref="MultiplyAdd"/>s (the rows a tile of four leaves over).</summary>
    private static void ProductRow(float[] a, int aRow, int pStride, float[] b, int bOffset, float[] c, int cRow, int k, int n, bool accumulate)
    {
        var row = c.AsSpan(cRow, n);
        if (!accumulate) row.Clear();
        for (var p = 0; p < k; p++)
        {
            var x = a[aRow + p * pStride];
            if (x != 0) MultiplyAdd(x, b.AsSpan(bOffset + p * n, n), row);
        }
    }

    /// <summary>
    /// One row of C (+)= A · Bᵀ: c[j] (+)= <see cref="Dot"/>(a, b row j), four rows of B at a time sharing each load of a.
    /// Each dot is summed exactly as <see cref="Dot"/> sums it (the same vector lanes, the same horizontal sum, the same tail).
    /// </summary>
    private static void DotRows(float[] a, int aRow, float[] b, int bOffset, float[] c, int cRow, int k, int n, bool accumulate)
    {
        var width = Vector<float>.Count;
        var vectors = Vector.IsHardwareAccelerated && k >= width ? k / width : 0;
        var tail = vectors * width;
        var j = 0;
        if (vectors > 0)
        {
            ref var x = ref a[aRow];
            for (; j + 4 <= n; j += 4)
            {
                ref var y0 = ref b[bOffset + j * k];
                nuint uk = (nuint)k;
                Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, s2 = Vector<float>.Zero, s3 = Vector<float>.Zero;
                for (nuint v = 0; v < (nuint)tail; v += (nuint)width)
                {
                    var xv = Vector.LoadUnsafe(ref x, v);
                    s0 += xv * Vector.LoadUnsafe(ref y0, v);
                    s1 += xv * Vector.LoadUnsafe(ref y0, uk + v);
                    s2 += xv * Vector.LoadUnsafe(ref y0, 2 * uk + v);
                    s3 += xv * Vector.LoadUnsafe(ref y0, 3 * uk + v);
                }
                float d0 = Vector.Sum(s0), d1 = Vector.Sum(s1), d2 = Vector.Sum(s2), d3 = Vector.Sum(s3);
                for (var t = tail; t < k; t++)
                {
                    var xt = a[aRow + t];
                    d0 += xt * b[bOffset + j * k + t];
                    d1 += xt * b[bOffset + (j + 1) * k + t];
                    d2 += xt * b[bOffset + (j + 2) * k + t];
                    d3 += xt * b[bOffset + (j + 3) * k + t];
                }
                Set(c, cRow + j, d0, accumulate);
                Set(c, cRow + j + 1, d1, accumulate);
                Set(c, cRow + j + 2, d2, accumulate);
                Set(c, cRow + j + 3, d3, accumulate);
            }
        }
        var aSpan = a.AsSpan(aRow, k);
        for (; j < n; j++) Set(c, cRow + j, Dot(aSpan, b.AsSpan(bOffset + j * k, k)), accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Set(float[] c, int index, float dot, bool accumulate) => c[index] = accumulate ? c[index] + dot : dot;

    /// <summary>Runs <paramref name="block"/>(first row, rows) over blocks of <see cref="RowBlock"/> rows (the last may be
    /// shorter), in parallel once the product is big enough. Blocks do not depend on the number of cores.</summary>
    private static void ForEachRowBlock(int rows, long work, Action<int, int> block)
    {
        var blocks = (rows + RowBlock - 1) / RowBlock;
        if (work < ParallelThreshold || blocks < 2 || Environment.ProcessorCount < 2)
        {
            for (var i = 0; i < blocks; i++) block(i * RowBlock, Math.Min(RowBlock, rows - i * RowBlock));
            return;
        }
        Parallel.For(0, blocks, i => block(i * RowBlock, Math.Min(RowBlock, rows - i * RowBlock)));
    }

    private static void Check(float[] a, int aOffset, int aLength, float[] b, int bOffset, int bLength, float[] c, int cOffset, int cLength)
    {
        if (aOffset < 0 || aOffset + aLength > a.Length) throw new ArgumentOutOfRangeException(nameof(a), "Left operand is out of range.");
        if (bOffset < 0 || bOffset + bLength > b.Length) throw new ArgumentOutOfRangeException(nameof(b), "Right operand is out of range.");
        if (cOffset < 0 || cOffset + cLength > c.Length) throw new ArgumentOutOfRangeException(nameof(c), "Result is out of range.");
    }
}
