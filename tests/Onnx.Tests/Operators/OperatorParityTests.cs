using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Onnx.Tests.Operators;

/// <summary>
/// Every operator our models use, written by <see cref="OnnxGraphBuilder"/>, run by the real ONNX Runtime
/// and held to a plain C# forward pass within 1e-5.
/// </summary>
public class OperatorParityTests
{
    private const float Tolerance = 1e-5f;
    private static readonly float[] X = Reference.Values(4 * 3, seed: 1); // [batch 4, 3]

    private static float[] Run(OnnxGraphBuilder graph, float[] input, params long[] shape)
    {
        using var session = OnnxSession.FromBytes(graph.ToModelBytes());
        return session.Run("x", new OnnxTensor(input, shape))[0].Data;
    }

    private static void Near(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"[{i}] expected {expected[i]}, got {actual[i]}");
    }

    private static OnnxGraphBuilder Unary(string op) =>
        new OnnxGraphBuilder(op).AddInput("x", null, 3).AddNode(op, ["x"], ["y"]).AddOutput("y", null, 3);

    [Theory]
    [InlineData("Relu")]
    [InlineData("Sigmoid")]
    [InlineData("Softplus")]
    [InlineData("Tanh")]
    [InlineData("Exp")]
    public void Elementwise_activations_match(string op)
    {
        Func<double, double> f = op switch
        {
            "Relu" => v => Math.Max(0, v),
            "Sigmoid" => Reference.Sigmoid,
            "Softplus" => Reference.Softplus,
            "Tanh" => Math.Tanh,
            _ => Math.Exp,
        };
        Near(Reference.Map(X, f), Run(Unary(op), X, 4, 3));
    }

    [Fact]
    public void MatMul_then_Add_is_a_dense_layer()
    {
        var w = Reference.Values(3 * 2, seed: 2);
        var b = Reference.Values(2, seed: 3);
        var graph = new OnnxGraphBuilder("dense").AddInput("x", null, 3)
            .AddInitializer("w", w, 3, 2).AddInitializer("b", b, 2)
            .AddNode("MatMul", ["x", "w"], ["xw"]).AddNode("Add", ["xw", "b"], ["y"]).AddOutput("y", null, 2);
        Near(Reference.AddRow(Reference.MatMul(X, w, 4, 3, 2), b), Run(graph, X, 4, 3));
    }

    [Fact]
    public void Gemm_with_transposed_weights_matches()
    {
        var wT = Reference.Values(2 * 3, seed: 4); // [2, 3], used transposed
        var b = Reference.Values(2, seed: 5);
        var w = new float[6];
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 2; j++)
                w[i * 2 + j] = wT[j * 3 + i];
        var graph = new OnnxGraphBuilder("gemm").AddInput("x", null, 3)
            .AddInitializer("w", wT, 2, 3).AddInitializer("b", b, 2)
            .AddNode("Gemm", ["x", "w", "b"], ["y"], OnnxAttribute.Int("transB", 1)).AddOutput("y", null, 2);
        Near(Reference.AddRow(Reference.MatMul(X, w, 4, 3, 2), b), Run(graph, X, 4, 3));
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Sub")]
    [InlineData("Mul")]
    public void Binary_arithmetic_broadcasts_a_row(string op)
    {
        var row = Reference.Values(3, seed: 6);
        var graph = new OnnxGraphBuilder(op).AddInput("x", null, 3).AddInitializer("r", row, 3)
            .AddNode(op, ["x", "r"], ["y"]).AddOutput("y", null, 3);
        var expected = X.Select((v, i) => op switch { "Add" => v + row[i % 3], "Sub" => v - row[i % 3], _ => v * row[i % 3] }).ToArray();
        Near(expected, Run(graph, X, 4, 3));
    }

    [Fact]
    public void Concat_joins_along_the_feature_axis()
    {
        var graph = new OnnxGraphBuilder("concat").AddInput("x", null, 3)
            .AddNode("Exp", ["x"], ["e"]).AddNode("Concat", ["x", "e"], ["y"], OnnxAttribute.Int("axis", 1)).AddOutput("y", null, 6);
        var expected = Enumerable.Range(0, 4).SelectMany(r => X.Skip(r * 3).Take(3).Concat(X.Skip(r * 3).Take(3).Select(v => MathF.Exp(v)))).ToArray();
        Near(expected, Run(graph, X, 4, 3));
    }

    [Fact]
    public void Reshape_keeps_the_values_in_order()
    {
        var graph = new OnnxGraphBuilder("reshape").AddInput("x", null, 3).AddInitializer("shape", new long[] { -1, 12 }, 2)
            .AddNode("Reshape", ["x", "shape"], ["y"]).AddOutput("y", null, 12);
        var y = Run(graph, X, 4, 3);
        Assert.Equal(X, y);
    }

    [Fact]
    public void Gather_picks_embedding_rows()
    {
        var table = Reference.Values(5 * 3, seed: 7); // 5 rows of 3
        long[] indices = [4, 0, 2];
        var graph = new OnnxGraphBuilder("gather").AddInput("x", 5, 3).AddInitializer("i", indices, 3)
            .AddNode("Gather", ["x", "i"], ["y"], OnnxAttribute.Int("axis", 0)).AddOutput("y", 3, 3);
        Near(Reference.Gather(table, 3, indices), Run(graph, table, 5, 3));
    }

    [Fact]
    public void Conv_over_a_sequence_matches_a_1d_convolution()
    {
        // x [n 2, c 3, l 6], w [f 4, c 3, k 3], b [4] -> y [2, 4, 4]
        var x = Reference.Values(2 * 3 * 6, seed: 8);
        var w = Reference.Values(4 * 3 * 3, seed: 9);
        var b = Reference.Values(4, seed: 10);
        var graph = new OnnxGraphBuilder("conv").AddInput("x", null, 3, 6).AddInitializer("w", w, 4, 3, 3).AddInitializer("b", b, 4)
            .AddNode("Conv", ["x", "w", "b"], ["y"], OnnxAttribute.Ints("kernel_shape", 3)).AddOutput("y", null, 4, 4);
        Near(Reference.Conv1D(x, w, b, 2, 3, 6, 4, 3), Run(graph, x, 2, 3, 6));
    }

    [Fact]
    public void ReduceSum_over_the_last_axis()
    {
        var graph = new OnnxGraphBuilder("sum").AddInput("x", null, 3).AddInitializer("axes", new long[] { 1 }, 1)
            .AddNode("ReduceSum", ["x", "axes"], ["y"], OnnxAttribute.Int("keepdims", 0)).AddOutput("y", (long?)null);
        Near(Reference.SumRows(X, 4, 3), Run(graph, X, 4, 3));
    }
}
