using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class GlobalAveragePooling1DTests
{
    [Fact]
    public void Forward_is_each_channels_mean_over_time()
    {
        var x = new Tensor([1, 10, 2, 20, 6, 60, /**/ -1, 0, 1, 0, 3, 9], 2, 3, 2);

        var y = new GlobalAveragePooling1D("pool").Forward(x, null);

        Assert.Equal([2, 2], y.Shape);
        Assert.Equal([3f, 30, 1, 3], y.Data);
    }

    [Fact]
    public void Backward_spreads_the_gradient_evenly_over_time()
    {
        var pool = new GlobalAveragePooling1D("pool");
        pool.Forward(Tensor.Zeros(1, 4, 2), null);

        var dx = pool.Backward(new Tensor([4, -8], 1, 2));

        Assert.Equal([1, 4, 2], dx.Shape);
        Assert.Equal([1f, -2, 1, -2, 1, -2, 1, -2], dx.Data);
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var results = GradientCheck.Check(new GlobalAveragePooling1D("pool"), GradientCheck.Random(1, 1, 3, 5, 4));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Onnx_export_matches_forward(int batch) =>
        OnnxParity.AssertMatches(new GlobalAveragePooling1D("pool"), GradientCheck.Random(2, 1, batch, 5, 7));

    [Fact]
    public void Inputs_without_a_time_axis_are_refused() =>
        Assert.Throws<ArgumentException>(() => new GlobalAveragePooling1D("pool").Forward(Tensor.Zeros(2, 3), null));
}
