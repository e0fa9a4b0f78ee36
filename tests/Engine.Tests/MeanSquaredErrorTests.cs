using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;

namespace iAyos.Messaging.Engine.Tests;

public class MeanSquaredErrorTests
{
    [Fact]
    public void Loss_is_the_mean_of_squared_differences()
    {
        var (loss, _) = new MeanSquaredError().Compute(new Tensor([1, 2, 3, 4], 2, 2), new Tensor([1, 0, 3, 1], 2, 2));

        Assert.Equal((0 + 4 + 0 + 9) / 4.0, loss, 6);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        var mse = new MeanSquaredError();
        var result = GradientCheck.CheckLoss(mse.Compute, GradientCheck.Random(1, 2, 4, 3), GradientCheck.Random(2, 2, 4, 3));

        Assert.True(result.RelativeError < GradientCheck.Tolerance, result.ToString());
    }
}
