using iAyos.Messaging.Engine;
using iAyos.Messaging.Training.CleaningMarketplace.Networks;

namespace iAyos.Messaging.Training.Tests.CleaningMarketplace.Networks;

public sealed class HalvesSupervisedLossTests
{
    [Fact]
    public void The_loss_is_the_hybrids_mse_plus_the_weighted_mse_of_each_half()
    {
        var prediction = new Tensor([0.5f, 0.2f, 0.9f, 0.6f, 0.6f, 0.3f], 2, 3);
        var target = new Tensor([0.7f, 0.4f], 2, 1);

        var (loss, gradient) = new HalvesSupervisedLoss(0.5).Compute(prediction, target);

        // hybrid: ((0.5-0.7)^2 + (0.6-0.4)^2)/2 = 0.04; halves: ((-0.5)^2 + 0.2^2 + 0.2^2 + (-0.1)^2)/2 = 0.17, x 0.5
        Assert.Equal(0.04 + 0.5 * 0.17, loss, 6);
        Assert.Equal(2 * (0.5 - 0.7) / 2, gradient.Data[0], 6);
        Assert.Equal(0.5 * 2 * (0.2 - 0.7) / 2, gradient.Data[1], 6);
        Assert.Equal(0.5 * 2 * (0.3 - 0.4) / 2, gradient.Data[5], 6);
    }

    [Fact]
    public void Its_gradient_matches_finite_differences_and_weight_zero_is_the_hybrids_mse()
    {
        var random = new Random(7);
        var prediction = new Tensor([.. Enumerable.Range(0, 12).Select(_ => (float)random.NextDouble())], 4, 3);
        var target = new Tensor([.. Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble())], 4, 1);
        var loss = new HalvesSupervisedLoss(0.3);
        var (_, gradient) = loss.Compute(prediction, target);

        for (var i = 0; i < prediction.Length; i++)
        {
            var saved = prediction.Data[i];
            prediction.Data[i] = saved + 1e-3f;
            var up = loss.Compute(prediction, target).Loss;
            prediction.Data[i] = saved - 1e-3f;
            var down = loss.Compute(prediction, target).Loss;
            prediction.Data[i] = saved;
            Assert.Equal((up - down) / 2e-3, gradient.Data[i], 3);
        }
        var hybridOnly = new HalvesSupervisedLoss(0).Compute(prediction, target).Loss;
        var mse = Enumerable.Range(0, 4).Average(r => Math.Pow(prediction.Data[r * 3] - target.Data[r], 2));
        Assert.Equal(mse, hybridOnly, 6);
    }

    [Fact]
    public void A_prediction_that_is_not_three_columns_per_target_or_a_negative_weight_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new HalvesSupervisedLoss(0.5).Compute(new Tensor(new float[4], 4, 1), new Tensor(new float[4], 4, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HalvesSupervisedLoss(-1));
    }
}
