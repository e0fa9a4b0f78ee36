using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;

namespace iAyos.Messaging.Training.CleaningMarketplace.Networks;

/// <summary>
/// MSE of the hybrid plus <see cref="HalfWeight"/> x the MSE of each half on its own, for a
/// <see cref="CleanerMatchNetwork"/> built with supervised halves ([B, 3] against [B, 1] targets). Without the half
/// terms the content network, which alone scores cold-start pairs, is only ever trained as part of the blend.
/// </summary>
public sealed class HalvesSupervisedLoss(double halfWeight) : ILoss
{
    public double HalfWeight { get; } = halfWeight >= 0 && double.IsFinite(halfWeight)
        ? halfWeight
        : throw new ArgumentOutOfRangeException(nameof(halfWeight), halfWeight, "The half weight must be a non-negative number.");

    public string Name => "mse+halves";

    public (double Loss, Tensor Gradient) Compute(Tensor prediction, Tensor target)
    {
        var rows = target.Length;
        if (prediction.Length != 3 * rows)
            throw new ArgumentException($"Expected [{rows}, 3] (hybrid, collaborative, content) for {rows} targets, got {prediction}.", nameof(prediction));
        var gradient = Tensor.ZerosLike(prediction);
        double loss = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                var weight = c == 0 ? 1.0 : HalfWeight;
                var d = prediction.Data[r * 3 + c] - target.Data[r];
                loss += weight * d * d / rows;
                gradient.Data[r * 3 + c] = (float)(weight * 2 * d / rows);
            }
        }
        return (loss, gradient);
    }
}
