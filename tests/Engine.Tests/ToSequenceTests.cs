using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class ToSequenceTests
{
    [Fact]
    public void A_feature_vector_becomes_a_one_step_sequence_and_back()
    {
        var layer = new ToSequence("sequence");
        var x = GradientCheck.Random(1, 1, 2, 3);

        var y = layer.Forward(x, null);
        var g = layer.Backward(y);

        Assert.Equal([2, 1, 3], y.Shape);
        Assert.Equal(x.Data, y.Data);
        Assert.Equal([2, 3], g.Shape);
        Assert.Equal(x.Data, g.Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Onnx_runtime_agrees(int batch) => OnnxParity.AssertMatches(new ToSequence("sequence"), GradientCheck.Random(2, 1, batch, 4));
}
