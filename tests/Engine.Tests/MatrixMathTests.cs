using iAyos.Messaging.Engine;

namespace iAyos.Messaging.Engine.Tests;

/// <summary>
/// The tiled products against the plain row-at-a-time loops they replaced (kept here as the reference): every element
/// must come out bit for bit the same, for shapes with leftover rows and columns, zeros in the left operand (which the
/// row loop skips), with and without accumulation, and big enough to run in parallel.
/// </summary>
public class MatrixMathTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 3, 5, 7 }, { 4, 8, 16 }, { 5, 9, 17 }, { 9, 33, 40 }, { 32, 384, 128 }, { 160, 192, 64 }, { 7, 64, 192 },
        // More than one 64-row group and 64-column panel, with leftovers of each; the trust LSTM's input projection.
        { 70, 21, 130 }, { 33, 100, 258 }, { 64, 384, 1024 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatMul_is_bit_identical_to_the_row_loop(int m, int k, int n)
    {
        foreach (var accumulate in new[] { false, true })
        {
            var (a, b, c) = (Values(1, m * k + 3, zeros: true), Values(2, k * n + 5), Values(3, m * n + 2));
            var expected = (float[])c.Clone();
            for (var i = 0; i < m; i++)
                ReferenceRow(a, 3 + i * k, 1, b, 5, expected, 2 + i * n, k, n, accumulate);

            MatrixMath.MatMul(a, 3, b, 5, c, 2, m, k, n, accumulate);

            Assert.Equal(expected, c);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatMulTransposeA_is_bit_identical_to_the_row_loop(int m, int k, int n)
    {
        foreach (var accumulate in new[] { false, true })
        {
            var (a, b, c) = (Values(4, k * m, zeros: true), Values(5, k * n), Values(6, m * n));
            var expected = (float[])c.Clone();
            for (var i = 0; i < m; i++)
                ReferenceRow(a, i, m, b, 0, expected, i * n, k, n, accumulate);

            MatrixMath.MatMulTransposeA(a, 0, b, 0, c, 0, m, k, n, accumulate);

            Assert.Equal(expected, c);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatMulTransposeB_is_bit_identical_to_one_dot_per_element(int m, int k, int n)
    {
        foreach (var accumulate in new[] { false, true })
        {
            var (a, b, c) = (Values(7, m * k + 1), Values(8, n * k), Values(9, m * n + 4));
            var expected = (float[])c.Clone();
            for (var i = 0; i < m; i++)
                for (var j = 0; j < n; j++)
                {
                    var dot = MatrixMath.Dot(a.AsSpan(1 + i * k, k), b.AsSpan(j * k, k));
                    expected[4 + i * n + j] = accumulate ? expected[4 + i * n + j] + dot : dot;
                }

            MatrixMath.MatMulTransposeB(a, 1, b, 0, c, 4, m, k, n, accumulate);

            Assert.Equal(expected, c);
        }
    }

    [Fact]
    public void Operands_out_of_range_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MatrixMath.MatMul(new float[6], 1, new float[6], 0, new float[4], 0, 2, 3, 2, false));

    /// <summary>The loop the products used to be: c row (+)= Σ_p a(p) · b row p, skipping zero a(p).</summary>
    private static void ReferenceRow(float[] a, int aRow, int pStride, float[] b, int bOffset, float[] c, int cRow, int k, int n, bool accumulate)
    {
        var row = c.AsSpan(cRow, n);
        if (!accumulate) row.Clear();
        for (var p = 0; p < k; p++)
        {
            var x = a[aRow + p * pStride];
            if (x != 0) MatrixMath.MultiplyAdd(x, b.AsSpan(bOffset + p * n, n), row);
        }
    }

    /// <summary>Values in (−1, 1); with <paramref name="zeros"/> about a third are exactly zero (as after a ReLU).</summary>
    private static float[] Values(int seed, int length, bool zeros = false)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++)
            values[i] = zeros && random.Next(3) == 0 ? 0 : (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
