using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Onnx.Tests.Runtime;

/// <summary>Small models written with the project's own ONNX writer, and the same maths in C# to compare with.</summary>
internal static class TestModels
{
    public const int Features = 3, Units = 2;

    // W is [3, 2], b is [2].
    public static readonly float[] W = [0.5f, -1f, 2f, 0.25f, -0.75f, 1.5f];
    public static readonly float[] B = [0.1f, -0.2f];

    /// <summary>x: [batch, 3] -> y = x·W + b: [batch, 2], and r = relu(y).</summary>
    public static byte[] Linear() =>
        new OnnxGraphBuilder("linear")
            .AddInput("x", null, Features)
            .AddInitializer("w", W, Features, Units)
            .AddInitializer("b", B, Units)
            .AddNode("MatMul", ["x", "w"], ["xw"])
            .AddNode("Add", ["xw", "b"], ["y"])
            .AddNode("Relu", ["y"], ["r"])
            .AddOutput("y", null, Units)
            .AddOutput("r", null, Units)
            .ToModelBytes();

    public static float[] LinearReference(float[] x)
    {
        var batch = x.Length / Features;
        var y = new float[batch * Units];
        for (var n = 0; n < batch; n++)
        for (var u = 0; u < Units; u++)
        {
            var sum = B[u];
            for (var f = 0; f < Features; f++) sum += x[n * Features + f] * W[f * Units + u];
            y[n * Units + u] = sum;
        }
        return y;
    }

    /// <summary>x: [batch, width] -> y = x + c (c is 0, 1, 2, ...): outputs as large as the inputs.</summary>
    public static byte[] AddConstant(int width) =>
        new OnnxGraphBuilder("add_constant")
            .AddInput("x", null, width)
            .AddInitializer("c", Enumerable.Range(0, width).Select(i => (float)i).ToArray(), width)
            .AddNode("Add", ["x", "c"], ["y"])
            .AddOutput("y", null, width)
            .ToModelBytes();

    public static float[] Sequence(int count, float scale = 0.1f, float offset = 0f) =>
        Enumerable.Range(0, count).Select(i => offset + scale * (i % 17 - 8)).ToArray();

    public static void AssertClose(float[] expected, float[] actual, float tolerance = 1e-5f)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"[{i}] expected {expected[i]} but was {actual[i]}");
    }
}
