using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class Conv1DTests
{
    private static Conv1D WithBias(Conv1D conv, int seed)
    {
        GradientCheck.Random(seed, 0.5, conv.Filters).Data.CopyTo(conv.Bias.Value.Data, 0);
        return conv;
    }

    [Theory]
    [InlineData(Conv1DPadding.Valid, 3)]
    [InlineData(Conv1DPadding.Same, 3)]
    [InlineData(Conv1DPadding.Same, 2)]
    [InlineData(Conv1DPadding.Valid, 1)]
    public void Backward_matches_finite_differences(Conv1DPadding padding, int kernelSize)
    {
        var conv = WithBias(new Conv1D("conv", 3, 4, kernelSize, padding, new Random(1)), 2);

        var results = GradientCheck.Check(conv, GradientCheck.Random(3, 1, 2, 5, 3));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
    }

    [Theory]
    [InlineData(Conv1DPadding.Valid, new[] { 14.5f, 20.5f })]
    [InlineData(Conv1DPadding.Same, new[] { 8.5f, 14.5f, 20.5f, 11.5f })]
    public void Forward_slides_the_kernel_along_time(Conv1DPadding padding, float[] expected)
    {
        // Kernel taps 1, 2, 3 over x = 1, 2, 3, 4 (one channel, one filter), bias 0.5. 'same' pads one zero each side.
        var conv = new Conv1D("conv", 1, 1, 3, padding, new Random(1));
        new float[] { 1, 2, 3 }.CopyTo(conv.Kernel.Value.Data, 0);
        conv.Bias.Value.Data[0] = 0.5f;

        var y = conv.Forward(new Tensor([1, 2, 3, 4], 1, 4, 1), null);

        Assert.Equal([1, expected.Length, 1], y.Shape);
        Assert.Equal(expected, y.Data);
    }

    [Fact]
    public void Same_padding_with_an_even_kernel_pads_after_as_tensorflow_does()
    {
        var conv = new Conv1D("conv", 1, 1, 2, Conv1DPadding.Same, new Random(1));
        new float[] { 1, 2 }.CopyTo(conv.Kernel.Value.Data, 0);

        var y = conv.Forward(new Tensor([1, 2, 3, 4], 1, 4, 1), null);

        Assert.Equal([5f, 8, 11, 4], y.Data); // x padded to 1, 2, 3, 4, 0
    }

    [Fact]
    public void The_kernel_is_laid_out_as_keras_kernel_size_in_channels_filters()
    {
        // Kernel size 1: each step is x[t] · K[0] with K[0] = [[1, 2, 3], [4, 5, 6]] ([in 2, filters 3]).
        var conv = new Conv1D("conv", 2, 3, 1, Conv1DPadding.Valid, new Random(1));
        new float[] { 1, 2, 3, 4, 5, 6 }.CopyTo(conv.Kernel.Value.Data, 0);

        var y = conv.Forward(new Tensor([1, 0, 0, 1, 1, 1], 1, 3, 2), null);

        Assert.Equal([1f, 2, 3, 4, 5, 6, 5, 7, 9], y.Data);
        Assert.Equal([1, 2, 3], conv.Kernel.Value.Shape);
    }

    [Fact]
    public void Kernel_starts_glorot_uniform_with_keras_fans()
    {
        var w = new Conv1D("conv", 8, 16, 3, Conv1DPadding.Same, new Random(1)).Kernel.Value.Data;
        var limit = (float)Math.Sqrt(6.0 / (3 * 8 + 3 * 16));

        Assert.All(w, v => Assert.InRange(v, -limit, limit));
        Assert.True(w.Max() > 0.9f * limit && w.Min() < -0.9f * limit, "the range is used");
    }

    [Theory]
    [InlineData(Conv1DPadding.Valid, 3, 1)]
    [InlineData(Conv1DPadding.Valid, 3, 3)]
    [InlineData(Conv1DPadding.Same, 3, 1)]
    [InlineData(Conv1DPadding.Same, 3, 3)]
    [InlineData(Conv1DPadding.Same, 4, 3)]
    public void Onnx_export_matches_forward(Conv1DPadding padding, int kernelSize, int batch) =>
        OnnxParity.AssertMatches(WithBias(new Conv1D("conv", 3, 5, kernelSize, padding, new Random(1)), 2),
            GradientCheck.Random(4, 1, batch, 6, 3));

    [Fact]
    public void Wrong_input_shapes_are_refused()
    {
        var conv = new Conv1D("conv", 3, 2, 3, Conv1DPadding.Valid, new Random(1));

        Assert.Contains("[batch, time, 3]", Assert.Throws<ArgumentException>(() => conv.Forward(Tensor.Zeros(2, 5, 4), null)).Message);
        Assert.Throws<ArgumentException>(() => conv.Forward(Tensor.Zeros(2, 3), null));
        Assert.Contains("fewer than the kernel", Assert.Throws<ArgumentException>(() => conv.Forward(Tensor.Zeros(2, 2, 3), null)).Message);
        conv.Forward(Tensor.Zeros(2, 5, 3), null);
        Assert.Throws<ArgumentException>(() => conv.Backward(Tensor.Zeros(2, 5, 2)));
    }

    [Fact]
    public void Inputs_of_changing_shapes_give_what_a_fresh_layer_gives()
    {
        // [4, 5, 3] and [5, 4, 3] hold as many values but pad different cells: scratch kept from one forward
        // must not leak into the next.
        var conv = WithBias(new Conv1D("conv", 3, 4, 3, Conv1DPadding.Same, new Random(1)), 2);
        var fresh = WithBias(new Conv1D("conv", 3, 4, 3, Conv1DPadding.Same, new Random(1)), 2);
        foreach (var (seed, shape) in new[] { (3, new[] { 4, 5, 3 }), (4, new[] { 5, 4, 3 }), (5, new[] { 4, 5, 3 }), (6, new[] { 1, 2, 3 }) })
        {
            var x = GradientCheck.Random(seed, 1, shape);
            var g = GradientCheck.Random(seed + 10, 1, shape[0], shape[1], 4);
            foreach (var p in conv.Parameters.Concat(fresh.Parameters)) p.ZeroGrad();

            var y = conv.Forward(x, new Random(1));
            var dx = conv.Backward(g);
            var expected = fresh.Forward(x, new Random(1));
            var expectedDx = fresh.Backward(g);

            Assert.Equal(expected.Data, y.Data);
            Assert.Equal(expectedDx.Data, dx.Data);
            Assert.Equal(fresh.Kernel.Grad.Data, conv.Kernel.Grad.Data);
            fresh = WithBias(new Conv1D("conv", 3, 4, 3, Conv1DPadding.Same, new Random(1)), 2);
        }
    }
}
