namespace iAyos.Messaging.Engine;

/// <summary>
/// A layer with values it updates itself rather than through gradients (BatchNorm's moving mean and
/// variance). They are part of the model: checkpoints save them and best-weight restore brings them back.
/// </summary>
public interface IHasState
{
    /// <summary>The state tensors, in a fixed order; their data arrays are overwritten in place on restore.</summary>
    IReadOnlyList<Tensor> State { get; }
}
