using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;

namespace iAyos.Messaging.Engine.Tests;

public class BinaryCrossEntropyTests
{
    [Fact]
    public void Loss_matches_the_keras_documentation_example()
    {
        // keras.losses.BinaryCrossentropy docs: y_true [[0, 1], [0, 0]], y_pred [[0.6, 0.4], [0.4, 0.6]] -> 0.815.
        var (loss, _) = new BinaryCrossEntropy().Compute(new Tensor([0.6f, 0.4f, 0.4f, 0.6f], 2, 2), new Tensor([0, 1, 0, 0], 2, 2));

        Assert.Equal(0.815, loss, 3);
        Assert.Equal(-(Math.Log(0.4) * 2 + Math.Log(0.6) + Math.Log(0.4)) / 4, loss, 6);
    }

    [Fact]
    public void Gradient_is_p_minus_t_over_p_one_minus_p_per_element()
    {
        var (_, gradient) = new BinaryCrossEntropy().Compute(new Tensor([0.8f, 0.25f], 1, 2), new Tensor([1, 0], 1, 2));

        Assert.Equal((0.8 - 1) / (0.8 * 0.2) / 2, gradient.Data[0], 5);
        Assert.Equal(0.25 / (0.25 * 0.75) / 2, gradient.Data[1], 5);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        var prediction = GradientCheck.Random(1, 0.45, 4, 3);
        for (var i = 0; i < prediction.Length; i++) prediction.Data[i] += 0.5f; // probabilities in 0.05 .. 0.95
        var target = GradientCheck.Random(2, 0.5, 4, 3);
        for (var i = 0; i < target.Length; i++) target.Data[i] = target.Data[i] > 0 ? 1 : 0;

        var result = GradientCheck.CheckLoss(new BinaryCrossEntropy().Compute, prediction, target);

        Assert.True(result.RelativeError < GradientCheck.Tolerance, result.ToString());
    }

    [Fact]
    public void Saturated_predictions_are_clipped_to_a_finite_loss_with_no_gradient()
    {
        var (loss, gradient) = new BinaryCrossEntropy().Compute(new Tensor([0, 1], 1, 2), new Tensor([1, 1], 1, 2));

        Assert.Equal((-Math.Log(1e-7) - Math.Log(1 - 1e-7)) / 2, loss, 6);
        Assert.Equal([0f, 0f], gradient.Data);
    }

    [Fact]
    public void Prediction_and_target_of_different_sizes_are_refused() =>
        Assert.Throws<ArgumentException>(() => new BinaryCrossEntropy().Compute(Tensor.Zeros(2, 1), Tensor.Zeros(3, 1)));
}
