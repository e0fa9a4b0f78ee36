using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace iAyos.Messaging.Engine;

/// <summary>
/// The matrix products every layer is built on, over row-major arrays with offsets. Blocks of the result are
/// split across cores once a product is big enough to pay for it; each element is always summed by one thread in
/// one order (over the shared dimension, first to last), so results do not depend on the number of cores.
/// </summary>
/// <remarks>
/// The products work on tiles of <see cref="RowBlock"/> result rows at a time and keep the tile in registers across
/// the shared dimension, so each loaded row of the right operand serves four rows. Every element still receives
/// its products in the same order and with the same float operations (multiply, then add; no fused multiply-add)
/// as a row-at-a-time loop, so the tiling changes no result. Products with Bᵀ take four rows of A against four rows
/// of B at a time, each dot summed exactly as <see cref="Dot"/> sums it. The kernels are compiled fully optimized at
/// their first call (AggressiveOptimization): a short training run would otherwise spend its first second in
/// unoptimized tiers of them.
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
        ForEachTile(m, n, (long)m * k * n, (i, rows, j0, j1) => Product(a, aOffset, rowStride: k, pStride: 1, b, bOffset, c, cOffset, i, rows, k, j0, j1, n, accumulate));
    }

    /// <summary>C[m,n] (+)= A[m,k] · B[n,k]ᵀ.</summary>
    public static void MatMulTransposeB(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool accumulate)
    {
        Check(a, aOffset, m * k, b, bOffset, n * k, c, cOffset, m * n);
        ForEachRowBlock(m, (long)m * k * n, (i, rows) =>
        {
            var j = rows == RowBlock ? DotBlock(a, aOffset + i * k, b, bOffset, c, cOffset + i * n, k, n, accumulate) : 0;
            for (var r = i; r < i + rows; r++) DotRows(a, aOffset + r * k, b, bOffset, c, cOffset + r * n, k, j, n, accumulate);
        });
    }

    /// <summary>C[m,n] (+)= A[k,m]ᵀ · B[k,n] (weight gradients: inputᵀ · outputGradient).</summary>
    public static void MatMulTransposeA(float[] a, int aOffset, float[] b, int bOffset, float[] c, int cOffset, int m, int k, int n, bool accumulate)
    {
        Check(a, aOffset, k * m, b, bOffset, k * n, c, cOffset, m * n);
        ForEachTile(m, n, (long)m * k * n, (i, rows, j0, j1) => Product(a, aOffset, rowStride: 1, pStride: m, b, bOffset, c, cOffset, i, rows, k, j0, j1, n, accumulate));
    }

    /// <summary>y += alpha · x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    /// Rows [i, i + rows), columns [j0, j1) of C (+)= A · B, where A's element (row r, shared index p) is at aOffset + r·rowStride + p·pStride.
    /// Each C element starts from itself (accumulate) or +0 and adds a(r,p) · b(p,j) for p = 0 .. k−1, as
    /// <see cref="MultiplyAdd"/> row by row would; where that skips a zero a(r,p) the tile adds 0 · b(p,j) = ±0, which
    /// changes no value (b is finite in any run that has not already failed).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Product(float[] a, int aOffset, int rowStride, int pStride, float[] b, int bOffset, float[] c, int cOffset,
        int i, int rows, int k, int j0, int j1, int n, bool accumulate)
    {
        if (rows != RowBlock || k == 0 || n == 0 || !Vector.IsHardwareAccelerated)
        {
            for (var r = i; r < i + rows; r++) ProductRow(a, aOffset + r * rowStride, pStride, b, bOffset, c, cOffset + r * n, k, j0, j1, n, accumulate);
            return;
        }
        var width = Vector<float>.Count;
        ref var a0 = ref a[aOffset + i * rowStride];
        ref var bBase = ref b[bOffset];
        ref var c0 = ref c[cOffset + i * n];
        nuint rs = (nuint)rowStride, ps = (nuint)pStride, un = (nuint)n;
        var j = j0;
        if (Vector512.IsHardwareAccelerated)
            j = Product512(ref a0, rs, ps, ref bBase, ref c0, un, k, j0, j1, accumulate);
        for (; j + 2 * width <= j1; j += 2 * width)
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
        for (; j + width <= j1; j += width)
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
        for (; j < j1; j++)
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Product512(ref float a0, nuint rs, nuint ps, ref float bBase, ref float c0, nuint un, int k, int j0, int j1, bool accumulate)
    {
        const int width = 16;
        var j = j0;
        for (; j + 2 * width <= j1; j += 2 * width)
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

    /// <summary>Columns [j0, j1) of one row of C (+)= A · B, a row of <see cref="MultiplyAdd"/>s (the rows a tile of
    /// four leaves over; element-wise, so any column range gives each element the same value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ProductRow(float[] a, int aRow, int pStride, float[] b, int bOffset, float[] c, int cRow, int k, int j0, int j1, int n, bool accumulate)
    {
        var row = c.AsSpan(cRow + j0, j1 - j0);
        if (!accumulate) row.Clear();
        for (var p = 0; p < k; p++)
        {
            var x = a[aRow + p * pStride];
            if (x != 0) MultiplyAdd(x, b.AsSpan(bOffset + p * n + j0, j1 - j0), row);
        }
    }

    /// <summary>
    /// One row of C (+)= A · Bᵀ: c[j] (+)= <see cref="Dot"/>(a, b row j), four rows of B at a time sharing each load of a.
    /// Each dot is summed exactly as <see cref="Dot"/> sums it (the same vector lanes, the same horizontal sum, the same tail).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DotRows(float[] a, int aRow, float[] b, int bOffset, float[] c, int cRow, int k, int j, int n, bool accumulate)
    {
        var width = Vector<float>.Count;
        var vectors = Vector.IsHardwareAccelerated && k >= width ? k / width : 0;
        var tail = vectors * width;
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

    /// <summary>
    /// Four rows of C (+)= A · Bᵀ (from A's row block starting at aRow) over columns in fours: sixteen dots at a time,
    /// each load of A or B serving four of them. Each dot is summed exactly as <see cref="Dot"/> sums it. Returns the
    /// first column it left (for <see cref="DotRows"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DotBlock(float[] a, int aRow, float[] b, int bOffset, float[] c, int cRow, int k, int n, bool accumulate)
    {
        var width = Vector<float>.Count;
        if (!Vector.IsHardwareAccelerated || k < width) return 0;
        var tail = k / width * width;
        nuint uk = (nuint)k;
        ref var x = ref a[aRow];
        Span<float> d = stackalloc float[16];
        var j = 0;
        for (; j + 4 <= n; j += 4)
        {
            ref var y = ref b[bOffset + j * k];
            Vector<float> s00 = default, s01 = default, s02 = default, s03 = default, s10 = default, s11 = default, s12 = default, s13 = default;
            Vector<float> s20 = default, s21 = default, s22 = default, s23 = default, s30 = default, s31 = default, s32 = default, s33 = default;
            for (nuint v = 0; v < (nuint)tail; v += (nuint)width)
            {
                var y0 = Vector.LoadUnsafe(ref y, v);
                var y1 = Vector.LoadUnsafe(ref y, uk + v);
                var y2 = Vector.LoadUnsafe(ref y, 2 * uk + v);
                var y3 = Vector.LoadUnsafe(ref y, 3 * uk + v);
                var x0 = Vector.LoadUnsafe(ref x, v);
                s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
                var x1 = Vector.LoadUnsafe(ref x, uk + v);
                s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
                var x2 = Vector.LoadUnsafe(ref x, 2 * uk + v);
                s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
                var x3 = Vector.LoadUnsafe(ref x, 3 * uk + v);
                s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
            }
            (d[0], d[1], d[2], d[3]) = (Vector.Sum(s00), Vector.Sum(s01), Vector.Sum(s02), Vector.Sum(s03));
            (d[4], d[5], d[6], d[7]) = (Vector.Sum(s10), Vector.Sum(s11), Vector.Sum(s12), Vector.Sum(s13));
            (d[8], d[9], d[10], d[11]) = (Vector.Sum(s20), Vector.Sum(s21), Vector.Sum(s22), Vector.Sum(s23));
            (d[12], d[13], d[14], d[15]) = (Vector.Sum(s30), Vector.Sum(s31), Vector.Sum(s32), Vector.Sum(s33));
            for (var r = 0; r < RowBlock; r++)
                for (var q = 0; q < 4; q++)
                {
                    var dot = d[r * 4 + q];
                    for (var t = tail; t < k; t++) dot += a[aRow + r * k + t] * b[bOffset + (j + q) * k + t];
                    Set(c, cRow + r * n + j + q, dot, accumulate);
                }
        }
        return j;
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

    /// <summary>Result columns a unit of work covers: a panel of B this wide (its k rows) stays in cache while the unit's
    /// row blocks pass over it, instead of all of B streaming through for every block of four rows.</summary>
    private const int ColumnPanel = 64;

    /// <summary>Result rows a unit of work covers (whole <see cref="RowBlock"/>s).</summary>
    private const int RowGroup = 16 * RowBlock;

    /// <summary>
    /// Runs <paramref name="tile"/>(first row, rows, first column, end column) over C in units of <see cref="RowGroup"/>
    /// rows by <see cref="ColumnPanel"/> columns, each cut into row blocks as <see cref="ForEachRowBlock"/> cuts them, in
    /// parallel once the product is big enough. Units next to each other share a column panel. How C is cut does not
    /// depend on the number of cores, and no element is summed by more than one unit.
    /// </summary>
    private static void ForEachTile(int rows, int columns, long work, Action<int, int, int, int> tile)
    {
        var groups = (rows + RowGroup - 1) / RowGroup;
        var panels = Math.Max(1, (columns + ColumnPanel - 1) / ColumnPanel);
        void Unit(int unit)
        {
            int panel = unit / groups, group = unit % groups;
            int j0 = panel * ColumnPanel, j1 = Math.Min(columns, j0 + ColumnPanel);
            int r1 = Math.Min(rows, (group + 1) * RowGroup);
            for (var i = group * RowGroup; i < r1; i += RowBlock) tile(i, Math.Min(RowBlock, r1 - i), j0, j1);
        }
        var units = groups * panels;
        if (work < ParallelThreshold || units < 2 || Environment.ProcessorCount < 2)
        {
            for (var u = 0; u < units; u++) Unit(u);
            return;
        }
        Parallel.For(0, units, Unit);
    }

    private static void Check(float[] a, int aOffset, int aLength, float[] b, int bOffset, int bLength, float[] c, int cOffset, int cLength)
    {
        if (aOffset < 0 || aOffset + aLength > a.Length) throw new ArgumentOutOfRangeException(nameof(a), "Left operand is out of range.");
        if (bOffset < 0 || bOffset + bLength > b.Length) throw new ArgumentOutOfRangeException(nameof(b), "Right operand is out of range.");
        if (cOffset < 0 || cOffset + cLength > c.Length) throw new ArgumentOutOfRangeException(nameof(c), "Result is out of range.");
    }
}
