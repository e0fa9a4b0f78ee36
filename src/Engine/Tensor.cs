namespace iAyos.Messaging.Engine;

/// <summary>
/// A dense, row-major float tensor. The engine trains in float32 (what ONNX Runtime serves); shapes are
/// batch-first like Keras: [batch, features] or [batch, time, features].
/// </summary>
public sealed class Tensor
{
    public Tensor(float[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        long size = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ArgumentException($"Negative dimension in shape [{string.Join(", ", shape)}].", nameof(shape));
            size *= d;
        }
        if (size != data.Length)
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] holds {size} values, data has {data.Length}.", nameof(shape));
        Data = data;
        Shape = (int[])shape.Clone();
    }

    public float[] Data { get; }
    public int[] Shape { get; }
    public int Length => Data.Length;
    public int Rank => Shape.Length;
    public Span<float> Span => Data;

    public int Dim(int axis) => Shape[axis < 0 ? Shape.Length + axis : axis];

    public static Tensor Zeros(params int[] shape)
    {
        long size = 1;
        foreach (var d in shape) size *= d;
        return new Tensor(new float[size], shape);
    }

    public static Tensor ZerosLike(Tensor other) => new(new float[other.Length], other.Shape);

    /// <summary>Same values, other shape; shares the data array.</summary>
    public Tensor Reshape(params int[] shape) => new(Data, shape);

    public Tensor Clone() => new((float[])Data.Clone(), Shape);

    public override string ToString() => $"Tensor[{string.Join(", ", Shape)}]";
}
