namespace iAyos.Messaging.Engine.Losses;

/// <summary>
/// The quantile (pinball) loss: a [batch, k] prediction against a [batch, 1] target, column j fitted to quantile
/// qⱼ. Per element, with d = target − prediction, the loss is max(q·d, (q − 1)·d), averaged over all batch·k
/// elements; its minimum over a constant prediction is the q-quantile of the targets. The gradient is −q where the
/// target is above the prediction, 1 − q where it is below, and 0 at a tie.
/// </summary>
public sealed class PinballLoss : ILoss
{
    public PinballLoss(IReadOnlyList<double> quantiles)
    {
        ArgumentNullException.ThrowIfNull(quantiles);
        if (quantiles.Count == 0) throw new ArgumentException("Give at least one quantile.", nameof(quantiles));
        if (quantiles.Any(q => !(q is > 0 and < 1))) throw new ArgumentOutOfRangeException(nameof(quantiles), "Quantiles must be in (0, 1).");
        Quantiles = [.. quantiles];
    }

    public IReadOnlyList<double> Quantiles { get; }

    public string Name => "pinball";

    public (double Loss, Tensor Gradient) Compute(Tensor prediction, Tensor target)
    {
        var k = Quantiles.Count;
        if (prediction.Rank != 2 || prediction.Dim(1) != k)
            throw new ArgumentException($"Prediction {prediction} is not [batch, {k}] (one column per quantile).", nameof(prediction));
        var rows = prediction.Dim(0);
        if (target.Length != rows)
            throw new ArgumentException($"Target {target} does not hold one value per row of {prediction}.", nameof(target));
        var gradient = Tensor.ZerosLike(prediction);
        var n = prediction.Length;
        double sum = 0;
        for (var r = 0; r < rows; r++)
        {
            double t = target.Data[r];
            for (var j = 0; j < k; j++)
            {
                var q = Quantiles[j];
                var d = t - prediction.Data[r * k + j];
                sum += d >= 0 ? q * d : (q - 1) * d;
                gradient.Data[r * k + j] = (float)((d > 0 ? -q : d < 0 ? 1 - q : 0) / n);
            }
        }
        return (n == 0 ? 0 : sum / n, gradient);
    }
}
