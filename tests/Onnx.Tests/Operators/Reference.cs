namespace iAyos.Messaging.Onnx.Tests.Operators;

/// <summary>Forward passes written plainly in C#, the yardstick ONNX Runtime's output is held to.</summary>
public static class Reference
{
    /// <summary>[m, k] x [k, n] -> [m, n], row-major.</summary>
    public static float[] MatMul(float[] a, float[] b, int m, int k, int n)
    {
        var y = new float[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                    sum += a[i * k + p] * b[p * n + j];
                y[i * n + j] = (float)sum;
            }
        return y;
    }

    /// <summary>Adds a row vector to every row of [m, n].</summary>
    public static float[] AddRow(float[] x, float[] row) =>
        x.Select((v, i) => v + row[i % row.Length]).ToArray();

    public static float[] Map(float[] x, Func<double, double> f) => x.Select(v => (float)f(v)).ToArray();

    public static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    public static double Softplus(double v) => Math.Log(1 + Math.Exp(v));

    /// <summary>Rows of an embedding table picked by index: [n] indices into [rows, dim] -> [n, dim].</summary>
    public static float[] Gather(float[] table, int dim, long[] indices) =>
        indices.SelectMany(i => table.Skip((int)i * dim).Take(dim)).ToArray();

    /// <summary>1-D convolution, no padding, stride 1: x [n, c, l], w [f, c, k], b [f] -> [n, f, l - k + 1].</summary>
    public static float[] Conv1D(float[] x, float[] w, float[] b, int n, int c, int l, int f, int k)
    {
        var outLength = l - k + 1;
        var y = new float[n * f * outLength];
        for (var s = 0; s < n; s++)
            for (var o = 0; o < f; o++)
                for (var t = 0; t < outLength; t++)
                {
                    double sum = b[o];
                    for (var ch = 0; ch < c; ch++)
                        for (var q = 0; q < k; q++)
                            sum += x[(s * c + ch) * l + t + q] * w[(o * c + ch) * k + q];
                    y[(s * f + o) * outLength + t] = (float)sum;
                }
        return y;
    }

    /// <summary>Sum over the last axis of [m, n] -> [m].</summary>
    public static float[] SumRows(float[] x, int m, int n) =>
        Enumerable.Range(0, m).Select(i => (float)x.Skip(i * n).Take(n).Sum(v => (double)v)).ToArray();

    /// <summary>
    /// ONNX LSTM, one direction, default activations: gates packed i, o, f, c in W [4h, in], R [4h, h],
    /// B [8h] (input biases then recurrent biases). x is [seq, batch, in]; returns Y [seq, batch, h] and the last H.
    /// </summary>
    public static (float[] Y, float[] LastH, float[] LastC) Lstm(float[] x, float[] w, float[] r, float[] bias, int seq, int batch, int input, int hidden)
    {
        var h = new double[batch * hidden];
        var c = new double[batch * hidden];
        var y = new float[seq * batch * hidden];
        for (var t = 0; t < seq; t++)
        {
            var nextH = new double[batch * hidden];
            var nextC = new double[batch * hidden];
            for (var s = 0; s < batch; s++)
                for (var u = 0; u < hidden; u++)
                {
                    double Gate(int g)
                    {
                        var row = g * hidden + u;
                        double sum = bias[row] + bias[4 * hidden + row];
                        for (var p = 0; p < input; p++)
                            sum += x[(t * batch + s) * input + p] * w[row * input + p];
                        for (var p = 0; p < hidden; p++)
                            sum += h[s * hidden + p] * r[row * hidden + p];
                        return sum;
                    }
                    var i = Sigmoid(Gate(0));
                    var o = Sigmoid(Gate(1));
                    var f = Sigmoid(Gate(2));
                    var candidate = Math.Tanh(Gate(3));
                    var cell = f * c[s * hidden + u] + i * candidate;
                    nextC[s * hidden + u] = cell;
                    nextH[s * hidden + u] = o * Math.Tanh(cell);
                    y[(t * batch + s) * hidden + u] = (float)nextH[s * hidden + u];
                }
            h = nextH;
            c = nextC;
        }
        return (y, h.Select(v => (float)v).ToArray(), c.Select(v => (float)v).ToArray());
    }

    /// <summary>Deterministic values in [-1, 1) for weights and inputs.</summary>
    public static float[] Values(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }
}
