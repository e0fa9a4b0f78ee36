namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// A float tensor: row-major data and its shape. As an input its array is handed to ONNX Runtime in place
/// (pinned for the call, never copied), so do not change it while a run is using it.
/// </summary>
public sealed class OnnxTensor
{
    public OnnxTensor(float[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
                throw new ArgumentException($"Dimension {dim} in [{string.Join(", ", shape)}] is negative.", nameof(shape));
            count = checked(count * dim);
        }
        if (count != data.Length)
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] holds {count} values but the data has {data.Length}.", nameof(data));
        Data = data;
        Shape = shape;
    }

    public float[] Data { get; }

    public long[] Shape { get; }

    public override string ToString() => $"float[{string.Join(", ", Shape)}]";
}
