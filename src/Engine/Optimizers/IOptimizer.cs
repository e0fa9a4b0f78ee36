namespace iAyos.Messaging.Engine.Optimizers;

/// <summary>
/// Updates a fixed list of parameters from the gradients the backward pass accumulated. Regularization is
/// the optimizer's, so it both adds its gradient in <see cref="Step"/> and reports its loss term.
/// </summary>
public interface IOptimizer
{
    /// <summary>Settable between steps (ReduceLROnPlateau).</summary>
    double LearningRate { get; set; }

    /// <summary>Steps taken so far; set when restoring a checkpoint.</summary>
    long Iterations { get; set; }

    /// <summary>Per-parameter state (Adam's moments), overwritten in place when restoring a checkpoint.</summary>
    IReadOnlyList<NamedTensor> Slots { get; }

    /// <summary>The regularization term of the loss at the current weights (added to reported losses, as Keras does).</summary>
    double RegularizationLoss();

    /// <summary>Applies the accumulated gradients. Leaves the gradient it applied (regularized, clipped) in each Grad.</summary>
    void Step();
}
