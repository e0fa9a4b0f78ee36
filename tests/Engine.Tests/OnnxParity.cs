using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Engine;

namespace iAyos.Messaging.Engine.Tests;

/// <summary>
/// Exports one layer into a graph of its own (input "x" with a dynamic batch dimension), runs it through the
/// real ONNX Runtime and holds the result to the layer's own inference forward pass within 1e-5.
/// </summary>
public static class OnnxParity
{
    public const float Tolerance = 1e-5f;

    public static void AssertMatches(ILayer layer, Tensor input)
    {
        var expected = layer.Forward(input, null);
        var graph = new OnnxGraphBuilder(layer.Name).AddInput("x", DynamicBatch(input.Shape));
        var output = layer.ExportOnnx(new OnnxExport(graph), "x");
        graph.AddOutput(output, DynamicBatch(expected.Shape));

        using var session = OnnxSession.FromBytes(graph.ToModelBytes());
        var actual = session.Run("x", new OnnxTensor(input.Data, input.Shape.Select(d => (long)d).ToArray()), [output])[0];

        Assert.Equal(expected.Shape.Select(d => (long)d), actual.Shape);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected.Data[i] - actual.Data[i]) <= Tolerance,
                $"{layer.Name}[{i}]: engine {expected.Data[i]}, ONNX Runtime {actual.Data[i]}");
    }

    private static long?[] DynamicBatch(int[] shape) => shape.Select((d, i) => i == 0 ? null : (long?)d).ToArray();
}
