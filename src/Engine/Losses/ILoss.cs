namespace iAyos.Messaging.Engine.Losses;

/// <summary>A loss averaged over every element of a batch, and its gradient with respect to the prediction.</summary>
public interface ILoss
{
    string Name { get; }

    (double Loss, Tensor Gradient) Compute(Tensor prediction, Tensor target);
}
