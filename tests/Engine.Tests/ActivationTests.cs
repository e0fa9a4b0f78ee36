using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class ActivationTests
{
    /// <summary>Values in ±(0.1 .. 2.1): clear of ReLU's kink by more than the check's ε.</summary>
    private static Tensor AwayFromZero(int seed, params int[] shape)
    {
        var t = GradientCheck.Random(seed, 2, shape);
        for (var i = 0; i < t.Length; i++) t.Data[i] += t.Data[i] >= 0 ? 0.1f : -0.1f;
        return t;
    }

    [Theory]
    [InlineData(ActivationKind.Relu)]
    [InlineData(ActivationKind.Sigmoid)]
    [InlineData(ActivationKind.Softplus)]
    [InlineData(ActivationKind.Tanh)]
    public void Backward_matches_finite_differences(ActivationKind kind)
    {
        var results = GradientCheck.Check(new Activation("act", kind), AwayFromZero(1, 3, 2, 4));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
    }

    [Theory]
    [InlineData(ActivationKind.Relu, new[] { 0f, 1.0986123f, 2f, 0f })]
    [InlineData(ActivationKind.Sigmoid, new[] { 0.5f, 0.75f, 0.8807971f, 0.25f })]
    [InlineData(ActivationKind.Softplus, new[] { 0.6931472f, 1.3862944f, 2.126928f, 0.2876821f })]
    [InlineData(ActivationKind.Tanh, new[] { 0f, 0.8f, 0.9640276f, -0.8f })]
    public void Forward_matches_hand_computed_values(ActivationKind kind, float[] expected)
    {
        // ln 3: sigmoid = 3/4, softplus = ln 4, tanh = (9 − 1)/(9 + 1).
        var ln3 = MathF.Log(3);

        var y = new Activation("act", kind).Forward(new Tensor([0, ln3, 2, -ln3], 2, 2), null);

        Assert.Equal([2, 2], y.Shape);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], y.Data[i], 5e-6f);
    }

    [Fact]
    public void Softplus_and_sigmoid_stay_finite_and_accurate_at_the_extremes()
    {
        var x = new Tensor([1000, -1000, 40, -40], 1, 4);

        var softplus = new Activation("sp", ActivationKind.Softplus).Forward(x, null).Data;
        var sigmoid = new Activation("s", ActivationKind.Sigmoid).Forward(x, null).Data;

        Assert.Equal([1000f, 0f, 40f], softplus[..3]);
        Assert.Equal(4.248354e-18f, softplus[3], 1e-23f); // e^-40: log(1 + e^-40) would round to 0
        Assert.Equal([1f, 0f, 1f], sigmoid[..3]);
        Assert.All(softplus.Concat(sigmoid), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Relu_passes_no_gradient_where_it_was_negative()
    {
        var relu = new Activation("relu", ActivationKind.Relu);
        relu.Forward(new Tensor([-1, 2, 0, 3], 1, 4), new Random(1));

        var dx = relu.Backward(new Tensor([5, 6, 7, 8], 1, 4));

        Assert.Equal([0f, 6, 0, 8], dx.Data);
    }

    [Theory]
    [InlineData(ActivationKind.Relu, 1)]
    [InlineData(ActivationKind.Relu, 3)]
    [InlineData(ActivationKind.Sigmoid, 1)]
    [InlineData(ActivationKind.Sigmoid, 3)]
    [InlineData(ActivationKind.Softplus, 1)]
    [InlineData(ActivationKind.Softplus, 3)]
    [InlineData(ActivationKind.Tanh, 1)]
    [InlineData(ActivationKind.Tanh, 3)]
    public void Onnx_export_matches_forward(ActivationKind kind, int batch) =>
        OnnxParity.AssertMatches(new Activation("act", kind), GradientCheck.Random(2, 4, batch, 2, 5));

    [Fact]
    public void Backward_with_a_gradient_of_another_size_is_refused()
    {
        var tanh = new Activation("tanh", ActivationKind.Tanh);
        tanh.Forward(Tensor.Zeros(2, 3), null);

        var error = Assert.Throws<ArgumentException>(() => tanh.Backward(Tensor.Zeros(3, 3)));

        Assert.Contains("tanh", error.Message);
        Assert.Throws<InvalidOperationException>(() => new Activation("a", ActivationKind.Relu).Backward(Tensor.Zeros(1, 1)));
    }
}
