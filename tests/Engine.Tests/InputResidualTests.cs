using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class InputResidualTests
{
    private static InputResidual Residual() => new("residual", start: 4, outputs: 2,
        new Dense("hidden", 6, 5, new Random(1)), new Activation("tanh", ActivationKind.Tanh), new Dense("out", 5, 2, new Random(2)));

    [Fact]
    public void Output_is_the_inner_output_plus_the_carried_input_columns()
    {
        var layer = Residual();
        var x = GradientCheck.Random(3, 1, 2, 6);

        var y = layer.Forward(x, null);

        var inner = new Network(new Dense("hidden", 6, 5, new Random(1)), new Activation("tanh", ActivationKind.Tanh), new Dense("out", 5, 2, new Random(2)));
        var z = inner.Forward(x, null);
        for (var i = 0; i < 2; i++)
            for (var k = 0; k < 2; k++)
                Assert.Equal(z.Data[i * 2 + k] + x.Data[i * 6 + 4 + k], y.Data[i * 2 + k], 6);
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var results = GradientCheck.Check(Residual(), GradientCheck.Random(4, 1, 3, 6));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Onnx_runtime_agrees(int batch) => OnnxParity.AssertMatches(Residual(), GradientCheck.Random(5, 1, batch, 6));

    [Fact]
    public void A_too_narrow_input_is_refused() =>
        Assert.Throws<ArgumentException>(() => Residual().Forward(Tensor.Zeros(2, 5), null));
}
