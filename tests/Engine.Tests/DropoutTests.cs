using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class DropoutTests
{
    [Theory]
    [InlineData(5)]
    [InlineData(null)]
    public void Backward_matches_finite_differences(int? trainingSeed)
    {
        var results = GradientCheck.Check(new Dropout("dropout", 0.4), GradientCheck.Random(1, 1, 4, 3, 5), training: trainingSeed);

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
    }

    [Fact]
    public void Training_zeroes_about_rate_of_the_values_and_scales_the_rest()
    {
        var input = Tensor.Zeros(100, 100);
        Array.Fill(input.Data, 3f);

        var y = new Dropout("dropout", 0.4).Forward(input, new Random(1));

        Assert.All(y.Data, v => Assert.True(v == 0 || v == 5f, $"{v} is neither dropped nor 3 / 0.6"));
        var dropped = y.Data.Count(v => v == 0) / (double)y.Length;
        Assert.InRange(dropped, 0.38, 0.42);
    }

    [Fact]
    public void The_gradient_flows_only_through_kept_values_with_the_same_scale()
    {
        var dropout = new Dropout("dropout", 0.5);
        var y = dropout.Forward(new Tensor([1, 1, 1, 1, 1, 1, 1, 1], 2, 4), new Random(3));

        var dx = dropout.Backward(new Tensor([1, 2, 3, 4, 5, 6, 7, 8], 2, 4));

        for (var i = 0; i < 8; i++) Assert.Equal(y.Data[i] * (i + 1), dx.Data[i]);
        Assert.Contains(0f, y.Data);
        Assert.Contains(2f, y.Data);
    }

    [Fact]
    public void Masks_are_replayed_by_the_same_seed()
    {
        var input = GradientCheck.Random(1, 1, 8, 8);
        var dropout = new Dropout("dropout", 0.3);

        var a = dropout.Forward(input, new Random(42));
        var b = dropout.Forward(input, new Random(42));
        var c = dropout.Forward(input, new Random(43));

        Assert.Equal(a.Data, b.Data);
        Assert.NotEqual(a.Data, c.Data);
    }

    [Fact]
    public void Inference_is_the_identity()
    {
        var input = GradientCheck.Random(1, 1, 3, 4);
        var dropout = new Dropout("dropout", 0.5);

        Assert.Equal(input.Data, dropout.Forward(input, null).Data);
        Assert.Equal(input.Data, dropout.Backward(input).Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Onnx_export_matches_forward(int batch) =>
        OnnxParity.AssertMatches(new Dropout("dropout", 0.5), GradientCheck.Random(2, 1, batch, 2, 3));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_rate_outside_0_to_1_is_refused(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout("dropout", rate));

    [Fact]
    public void Backward_with_a_gradient_of_another_size_is_refused()
    {
        var dropout = new Dropout("dropout", 0.5);
        Assert.Throws<InvalidOperationException>(() => dropout.Backward(Tensor.Zeros(2, 2)));
        dropout.Forward(Tensor.Zeros(2, 2), new Random(1));

        Assert.Throws<ArgumentException>(() => dropout.Backward(Tensor.Zeros(2, 3)));
    }
}
