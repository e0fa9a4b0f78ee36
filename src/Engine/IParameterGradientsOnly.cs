namespace iAyos.Messaging.Engine;

/// <summary>
/// A layer whose backward pass can stop at its parameters' gradients. A network's first layer needs no input gradient
/// while training (nothing learns from the data), and for a wide first layer that product is a third of its backward
/// pass: the training loop asks for this instead of <see cref="ILayer.Backward"/> there.
/// </summary>
public interface IParameterGradientsOnly
{
    /// <summary>Accumulates the parameters' gradients for the last forward pass, as <see cref="ILayer.Backward"/> does,
    /// without computing the input gradient.</summary>
    void BackwardParameters(Tensor outputGradient);
}
