using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Engine.Tests;

public class OrderedOutputsTests
{
    [Fact]
    public void Forward_is_a_running_sum_of_softplus()
    {
        var layer = new OrderedOutputs("ordered", 3);

        var y = layer.Forward(new Tensor([0f, 1, -2, 3, -1, 0.5f], 2, 3), null);

        float Sp(float x) => (float)Math.Log(1 + Math.Exp(x));
        Assert.Equal([2, 3], y.Shape);
        float[] expected = [Sp(0), Sp(0) + Sp(1), Sp(0) + Sp(1) + Sp(-2), Sp(3), Sp(3) + Sp(-1), Sp(3) + Sp(-1) + Sp(0.5f)];
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], y.Data[i], 5);
    }

    [Fact]
    public void Outputs_are_positive_and_ordered_for_any_raw_values()
    {
        var layer = new OrderedOutputs("ordered", 3);
        var raw = GradientCheck.Random(5, 30, 500, 3);

        var y = layer.Forward(raw, null);

        for (var r = 0; r < 500; r++)
        {
            Assert.True(y.Data[r * 3] > 0, $"row {r}: min {y.Data[r * 3]}");
            Assert.True(y.Data[r * 3] <= y.Data[r * 3 + 1] && y.Data[r * 3 + 1] <= y.Data[r * 3 + 2], $"row {r} is out of order");
        }
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var results = GradientCheck.Check(new OrderedOutputs("ordered", 3), GradientCheck.Random(2, 3, 4, 3));

        Assert.All(results, r => Assert.True(r.RelativeError < GradientCheck.Tolerance, r.ToString()));
        Assert.Contains(results, r => r.Where == "input" && r.Analytic != 0);
    }

    [Fact]
    public void Rejects_the_wrong_number_of_columns() =>
        Assert.Throws<ArgumentException>(() => new OrderedOutputs("ordered", 3).Forward(Tensor.Zeros(2, 4), null));

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Onnx_export_matches_forward(int batch) =>
        OnnxParity.AssertMatches(new OrderedOutputs("ordered", 3), GradientCheck.Random(batch, 4, batch, 3));
}
