using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Onnx.Tests.Writer;

public class OnnxGraphBuilderTests
{
    [Fact]
    public void An_initializer_whose_values_do_not_fill_its_dims_is_refused()
    {
        var graph = new OnnxGraphBuilder("g");
        Assert.Throws<ArgumentException>(() => graph.AddInitializer("w", new float[5], 2, 3));
    }

    [Fact]
    public void A_name_declared_twice_is_refused()
    {
        var graph = new OnnxGraphBuilder("g").AddInput("x", null, 3);
        Assert.Throws<ArgumentException>(() => graph.AddInitializer("x", new float[3], 3));
    }

    [Fact]
    public void The_model_starts_with_the_ir_version_and_names_its_producer()
    {
        var bytes = new OnnxGraphBuilder("g").AddInput("x", null, 1).AddOutput("x", null, 1).ToModelBytes(producer: "p");
        // ir_version (field 1) = 8, then producer_name (field 2) = "p"
        Assert.Equal(new byte[] { 0x08, 0x08, 0x12, 0x01, (byte)'p' }, bytes[..5]);
    }

    [Fact]
    public void An_int64_input_is_declared_with_element_type_int64()
    {
        var bytes = new OnnxGraphBuilder("g").AddInt64Input("ids", [null]).AddOutput("ids", [null]).ToModelBytes();
        // ValueInfoProto: name (field 1) "ids", type (2) -> tensor_type (1) -> elem_type (1) = 7 (INT64)
        var name = bytes.AsSpan().IndexOf(new byte[] { 0x0A, 0x03, (byte)'i', (byte)'d', (byte)'s', 0x12 });
        Assert.True(name >= 0);
        Assert.Equal(0x0A, bytes[name + 7]);
        Assert.Equal(new byte[] { 0x08, 0x07 }, bytes[(name + 9)..(name + 11)]);
    }
}
