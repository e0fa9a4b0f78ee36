namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// A model input or output as the session declares it. A dynamic dimension (such as the batch) is -1; a
/// value that is not a tensor has element type <see cref="TensorElementType.Undefined"/> and an empty shape.
/// </summary>
public sealed record OnnxTensorInfo(string Name, TensorElementType ElementType, IReadOnlyList<long> Shape)
{
    public override string ToString() => $"{Name}: {ElementType}[{string.Join(", ", Shape)}]";
}
