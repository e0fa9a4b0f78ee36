using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class FactorizationMachineTests
{
    [Fact]
    public void Forward_is_the_sum_of_pairwise_dot_products_of_the_fields()
    {
        // v1 · v2 = 11, v1 · v3 = 0, v2 · v3 = −1; second sample: a single non-zero field interacts with nothing.
        var x = new Tensor([1, 2, 3, 4, -1, 0.5f, 0, 0, 7, 7, 0, 0], 2, 3, 2);

        var y = new FactorizationMachine("fm", 3, 2).Forward(x, null);

        Assert.Equal([2, 1], y.Shape);
        Assert.Equal([10f, 0f], y.Data);
    }

    [Fact]
    public void Forward_equals_the_pairwise_sum_on_random_fields()
    {
        var x = GradientCheck.Random(1, 1, 4, 5, 6);

        var y = new FactorizationMachine("fm", 5, 6).Forward(x, null);

        for (var b = 0; b < 4; b++)
        {
            double pairs = 0;
            for (var f = 0; f < 5; f++)
                for (var g = f + 1; g < 5; g++)
                    for (var k = 0; k < 6; k++)
                        pairs += x.Data[(b * 5 + f) * 6 + k] * x.Data[(b * 5 + g) * 6 + k];
            Assert.Equal(pairs, y.Data[b], 1e-5);
        }
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var results = GradientCheck.Check(new FactorizationMachine("fm", 4, 3), GradientCheck.Random(1, 1, 3, 4, 3));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Onnx_export_matches_forward(int batch) =>
        OnnxParity.AssertMatches(new FactorizationMachine("fm", 5, 4), GradientCheck.Random(2, 1, batch, 5, 4));

    [Fact]
    public void Wrong_input_shapes_are_refused()
    {
        var fm = new FactorizationMachine("fm", 5, 4);

        Assert.Contains("[batch, 5, 4]", Assert.Throws<ArgumentException>(() => fm.Forward(Tensor.Zeros(2, 4, 4), null)).Message);
        Assert.Throws<ArgumentException>(() => fm.Forward(Tensor.Zeros(2, 20), null));
        fm.Forward(Tensor.Zeros(2, 5, 4), null);
        Assert.Throws<ArgumentException>(() => fm.Backward(Tensor.Zeros(3, 1)));
    }
}
