using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;

namespace iAyos.Messaging.Engine.Tests;

public class PinballLossTests
{
    [Fact]
    public void Under_and_over_predictions_cost_q_and_one_minus_q_per_unit()
    {
        var loss = new PinballLoss([0.1, 0.9]);

        // Row 0: target 2 above both predictions by 1 -> 0.1·1 and 0.9·1. Row 1: target 0 below both by 2 -> 0.9·2 and 0.1·2.
        var (value, gradient) = loss.Compute(new Tensor([1f, 1, 2, 2], 2, 2), new Tensor([2f, 0], 2, 1));

        Assert.Equal((0.1 + 0.9 + 1.8 + 0.2) / 4, value, 6);
        Assert.Equal([-0.1f / 4, -0.9f / 4, 0.9f / 4, 0.1f / 4], gradient.Data);
    }

    [Fact]
    public void A_constant_prediction_is_best_at_the_targets_quantile()
    {
        // Targets 1..100: the 0.1, 0.5 and 0.9 pinball losses of a constant c are lowest near the 10th, 50th and 90th value.
        var target = new Tensor([.. Enumerable.Range(1, 100).Select(i => (float)i)], 100, 1);
        var loss = new PinballLoss([0.1, 0.5, 0.9]);
        double LossAt(int column, float c)
        {
            var prediction = Tensor.Zeros(100, 3);
            for (var r = 0; r < 100; r++) prediction.Data[r * 3 + column] = c;
            return loss.Compute(prediction, target).Loss;
        }

        int Best(int column) => Enumerable.Range(1, 100).MinBy(c => LossAt(column, c));

        Assert.InRange(Best(0), 10, 11);
        Assert.InRange(Best(1), 50, 51);
        Assert.InRange(Best(2), 90, 91);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        // Targets are far from the predictions relative to ε, so no element crosses the kink during the check.
        var prediction = GradientCheck.Random(3, 1, 6, 3);
        var target = new Tensor([5f, -5, 4, -4, 3, -3], 6, 1);

        var result = GradientCheck.CheckLoss(new PinballLoss([0.1, 0.5, 0.9]).Compute, prediction, target);

        Assert.True(result.RelativeError < GradientCheck.Tolerance, result.ToString());
    }

    [Fact]
    public void Rejects_shapes_that_do_not_fit_its_quantiles()
    {
        var loss = new PinballLoss([0.1, 0.5, 0.9]);
        Assert.Throws<ArgumentException>(() => loss.Compute(Tensor.Zeros(4, 2), Tensor.Zeros(4, 1)));
        Assert.Throws<ArgumentException>(() => loss.Compute(Tensor.Zeros(4, 3), Tensor.Zeros(3, 1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1.5)]
    public void Quantiles_must_be_inside_zero_and_one(double q) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PinballLoss([q]));
}
