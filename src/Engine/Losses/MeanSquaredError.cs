namespace iAyos.Messaging.Engine.Losses;

/// <summary>Mean of (prediction − target)² over all elements, as Keras' "mse" on a [batch, outputs] tensor.</summary>
public sealed class MeanSquaredError : ILoss
{
    public string Name => "mse";

    public (double Loss, Tensor Gradient) Compute(Tensor prediction, Tensor target)
    {
        if (prediction.Length != target.Length)
            throw new ArgumentException($"Prediction {prediction} and target {target} differ in size.", nameof(target));
        var gradient = Tensor.ZerosLike(prediction);
        double sum = 0;
        var scale = 2f / prediction.Length;
        for (var i = 0; i < prediction.Length; i++)
        {
            var d = prediction.Data[i] - target.Data[i];
            sum += (double)d * d;
            gradient.Data[i] = scale * d;
        }
        return (sum / prediction.Length, gradient);
    }
}
