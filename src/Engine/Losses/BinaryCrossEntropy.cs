namespace iAyos.Messaging.Engine.Losses;

/// <summary>
/// Keras' "binary_crossentropy" on probabilities (from_logits = false): −(t log p + (1 − t) log(1 − p)),
/// averaged over all elements, with p clipped to [ε, 1 − ε], ε = 1e-7, so a saturated sigmoid gives a large
/// finite loss rather than infinity. As with Keras' clip, the gradient is zero where p was clipped; a NaN
/// prediction gives a NaN loss for the training loop to see.
/// </summary>
public sealed class BinaryCrossEntropy : ILoss
{
    public const double Epsilon = 1e-7;

    public string Name => "binary_crossentropy";

    public (double Loss, Tensor Gradient) Compute(Tensor prediction, Tensor target)
    {
        if (prediction.Length != target.Length)
            throw new ArgumentException($"Prediction {prediction} and target {target} differ in size.", nameof(target));
        var gradient = Tensor.ZerosLike(prediction);
        var n = prediction.Length;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            double p = prediction.Data[i], t = target.Data[i];
            var clipped = Math.Clamp(p, Epsilon, 1 - Epsilon);
            sum -= t * Math.Log(clipped) + (1 - t) * Math.Log(1 - clipped);
            if (p == clipped) gradient.Data[i] = (float)((clipped - t) / (clipped * (1 - clipped)) / n);
        }
        return (n == 0 ? 0 : sum / n, gradient);
    }
}
