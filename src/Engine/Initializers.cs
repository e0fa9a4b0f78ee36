namespace iAyos.Messaging.Engine;

/// <summary>Keras' default initializers, drawn from the caller's seeded <see cref="Random"/>.</summary>
public static class Initializers
{
    /// <summary>Glorot (Xavier) uniform: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)).</summary>
    public static Tensor GlorotUniform(Random random, int fanIn, int fanOut, params int[] shape)
    {
        var limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        var t = Tensor.Zeros(shape);
        for (var i = 0; i < t.Length; i++) t.Data[i] = (float)((random.NextDouble() * 2 - 1) * limit);
        return t;
    }

    /// <summary>A random orthogonal [rows, cols] matrix (Keras' recurrent_initializer), by Gram-Schmidt on
    /// Gaussian columns; rows &gt;= cols gives orthonormal columns, otherwise orthonormal rows.</summary>
    public static Tensor Orthogonal(Random random, int rows, int cols)
    {
        var transpose = rows < cols;
        int r = transpose ? cols : rows, c = transpose ? rows : cols;
        var q = new double[r * c];
        for (var i = 0; i < q.Length; i++) q[i] = Gaussian(random);
        for (var j = 0; j < c; j++)
        {
            for (var prev = 0; prev < j; prev++)
            {
                double dot = 0;
                for (var i = 0; i < r; i++) dot += q[i * c + j] * q[i * c + prev];
                for (var i = 0; i < r; i++) q[i * c + j] -= dot * q[i * c + prev];
            }
            double norm = 0;
            for (var i = 0; i < r; i++) norm += q[i * c + j] * q[i * c + j];
            norm = Math.Sqrt(norm);
            for (var i = 0; i < r; i++) q[i * c + j] /= norm;
        }
        var t = Tensor.Zeros(rows, cols);
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                t.Data[i * cols + j] = (float)(transpose ? q[j * c + i] : q[i * c + j]);
        return t;
    }

    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
