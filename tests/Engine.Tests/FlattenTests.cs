using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class FlattenTests
{
    [Fact]
    public void Forward_keeps_the_batch_and_joins_the_rest_row_major()
    {
        var x = new Tensor([1, 2, 3, 4, 5, 6, 7, 8], 2, 2, 2);

        var y = new Flatten("flatten").Forward(x, null);

        Assert.Equal([2, 4], y.Shape);
        Assert.Equal(x.Data, y.Data);
    }

    [Theory]
    [InlineData(new[] { 3, 2, 4 })]
    [InlineData(new[] { 2, 2, 2, 3 })]
    [InlineData(new[] { 3, 5 })]
    public void Backward_matches_finite_differences(int[] shape)
    {
        var flatten = new Flatten("flatten");

        var results = GradientCheck.Check(flatten, GradientCheck.Random(1, 1, shape));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
        Assert.Equal(shape, flatten.Backward(Tensor.Zeros(shape[0], shape.Skip(1).Aggregate(1, (a, d) => a * d))).Shape);
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 })]
    [InlineData(new[] { 3, 2, 3 })]
    [InlineData(new[] { 1, 2, 2, 3 })]
    [InlineData(new[] { 3, 2, 2, 3 })]
    public void Onnx_export_matches_forward(int[] shape) =>
        OnnxParity.AssertMatches(new Flatten("flatten"), GradientCheck.Random(2, 1, shape));

    [Fact]
    public void Wrong_input_shapes_are_refused()
    {
        var flatten = new Flatten("flatten");

        Assert.Throws<ArgumentException>(() => flatten.Forward(Tensor.Zeros(4), null));
        Assert.Throws<InvalidOperationException>(() => flatten.Backward(Tensor.Zeros(1, 4)));
        flatten.Forward(Tensor.Zeros(2, 2, 2), null);
        Assert.Throws<ArgumentException>(() => flatten.Backward(Tensor.Zeros(2, 3)));
    }
}
