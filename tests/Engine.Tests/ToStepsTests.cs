using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class ToStepsTests
{
    [Fact]
    public void A_row_is_cut_into_steps_in_order_and_the_gradient_goes_back_flat()
    {
        var layer = new ToSteps("steps", 2, 3);
        var x = new Tensor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 2, 6);

        var y = layer.Forward(x, null);
        var g = layer.Backward(y);

        Assert.Equal([2, 2, 3], y.Shape);
        // Row 0's second step is its values 4..6; row 1's first step is 7..9.
        Assert.Equal([4f, 5f, 6f], y.Data[3..6]);
        Assert.Equal([7f, 8f, 9f], y.Data[6..9]);
        Assert.Equal([2, 6], g.Shape);
        Assert.Equal(x.Data, g.Data);
    }

    [Fact]
    public void A_row_of_another_width_is_refused()
    {
        var layer = new ToSteps("steps", 2, 3);
        Assert.Throws<ArgumentException>(() => layer.Forward(Tensor.Zeros(2, 5), null));
    }

    [Fact]
    public void Gradients_reach_an_lstm_through_the_steps()
    {
        var init = new Random(3);
        var network = new Network(new ToSteps("steps", 2, 4), new Lstm("lstm", 4, 3, init), new Dense("dense", 3, 1, init));
        var x = GradientCheck.Random(5, 1, 3, 8);

        network.Forward(x, null);
        var g = network.Backward(new Tensor([1f, 1f, 1f], 3, 1));

        Assert.Equal([3, 8], g.Shape);
        // Both steps feed the last hidden state, so both halves of every row get a gradient.
        for (var r = 0; r < 3; r++)
        {
            Assert.Contains(g.Data.AsSpan(r * 8, 4).ToArray(), v => v != 0);
            Assert.Contains(g.Data.AsSpan(r * 8 + 4, 4).ToArray(), v => v != 0);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Onnx_runtime_agrees(int batch) => OnnxParity.AssertMatches(new ToSteps("steps", 2, 4), GradientCheck.Random(2, 1, batch, 8));
}
