namespace iAyos.Messaging.Engine;

/// <summary>
/// A trainable weight and the gradient the backward pass accumulates into it. <see cref="IsKernel"/> marks
/// the weights L2 regularization applies to (kernels, as in Keras' <c>kernel_regularizer</c>; not biases).
/// </summary>
public sealed class Parameter(string name, Tensor value, bool isKernel)
{
    public string Name { get; } = name;
    public Tensor Value { get; } = value;
    public Tensor Grad { get; } = Tensor.ZerosLike(value);
    public bool IsKernel { get; } = isKernel;

    public void ZeroGrad() => Array.Clear(Grad.Data);
}
