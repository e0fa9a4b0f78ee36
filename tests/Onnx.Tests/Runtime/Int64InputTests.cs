using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Onnx.Tests.Runtime;

public class Int64InputTests
{
    // 5 ids x 3 dims; row i is (i, 10 + i, 100 + i).
    private static readonly float[] Table = Enumerable.Range(0, 5).SelectMany(i => new float[] { i, 10 + i, 100 + i }).ToArray();

    /// <summary>ids: int64 [batch] -> Gather(table, ids): [batch, 3], an embedding lookup.</summary>
    private static OnnxGraphBuilder Lookup() =>
        new OnnxGraphBuilder("lookup")
            .AddInt64Input("ids", [null])
            .AddInitializer("table", Table, 5, 3)
            .AddNode("Gather", ["table", "ids"], ["embedded"], OnnxAttribute.Int("axis", 0));

    [Fact]
    public void A_gather_model_looks_up_int64_ids()
    {
        using var session = OnnxSession.FromBytes(Lookup().AddOutput("embedded", null, 3).ToModelBytes());

        var y = session.Run("ids", OnnxTensor.Int64([4, 0, 2], 3))[0];

        Assert.Equal(TensorElementType.Int64, session.Inputs[0].ElementType);
        Assert.Equal([3L, 3L], y.Shape);
        Assert.Equal([4f, 14f, 104f, 0f, 10f, 100f, 2f, 12f, 102f], y.Data);
    }

    [Fact]
    public void Int64_and_float_inputs_go_into_one_run()
    {
        var model = Lookup()
            .AddInput("x", null, 3)
            .AddNode("Add", ["embedded", "x"], ["y"])
            .AddOutput("y", null, 3)
            .ToModelBytes();
        using var session = OnnxSession.FromBytes(model);

        var y = session.Run(new Dictionary<string, OnnxTensor>
        {
            ["ids"] = OnnxTensor.Int64([1, 3], 2),
            ["x"] = new([0.5f, 0.5f, 0.5f, -1f, -1f, -1f], 2, 3),
        })[0];

        Assert.Equal([1.5f, 11.5f, 101.5f, 2f, 12f, 102f], y.Data);
    }

    [Fact]
    public void An_int64_output_comes_back_as_int64()
    {
        var model = new OnnxGraphBuilder("argmax")
            .AddInput("x", null, 3)
            .AddNode("ArgMax", ["x"], ["best"], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0))
            .AddInt64Output("best", [null])
            .ToModelBytes();
        using var session = OnnxSession.FromBytes(model);

        var best = session.Run("x", new OnnxTensor([0f, 5f, 1f, 9f, 2f, 3f], 2, 3))[0];

        Assert.Equal(TensorElementType.Int64, best.ElementType);
        Assert.Equal([1L, 0L], best.Int64Data);
        Assert.Throws<InvalidOperationException>(() => best.Data);
    }

    [Fact]
    public void An_id_outside_the_table_fails_with_ort_text()
    {
        using var session = OnnxSession.FromBytes(Lookup().AddOutput("embedded", null, 3).ToModelBytes());

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("ids", OnnxTensor.Int64([7], 1)));

        Assert.Contains("indices element out of data bounds", error.OrtMessage);
        Assert.Contains("7", error.OrtMessage);
    }

    [Fact]
    public void Int64_data_that_does_not_fill_its_shape_is_refused_before_ort_sees_it() =>
        Assert.Throws<ArgumentException>(() => OnnxTensor.Int64([1, 2, 3], 2));
}
