using Microsoft.ML.OnnxRuntime;

namespace iAyos.Messaging.Onnx.Runtime;

/// <summary>
/// A float or int64 tensor: row-major data and its shape. As an input its array is handed to ONNX Runtime in
/// place (pinned for the call, never copied), so do not change it while a run is using it.
/// </summary>
public sealed class OnnxTensor
{
    private readonly float[]? _floats;
    private readonly long[]? _int64s;

    public OnnxTensor(float[] data, params long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        Check(data.Length, shape);
        _floats = data;
        Shape = shape;
        ElementType = TensorElementType.Float;
    }

    private OnnxTensor(long[] data, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        Check(data.Length, shape);
        _int64s = data;
        Shape = shape;
        ElementType = TensorElementType.Int64;
    }

    /// <summary>
    /// An int64 tensor (ids for Gather/embedding lookups). A factory, not a constructor overload: with both,
    /// <c>new OnnxTensor([1, 2], 1, 2)</c> would silently pick long[] and <c>new OnnxTensor([], 0, 3)</c> would not compile.
    /// </summary>
    public static OnnxTensor Int64(long[] data, params long[] shape) => new(data, shape);

    public TensorElementType ElementType { get; }

    /// <summary>The float values; a tensor of another element type throws.</summary>
    public float[] Data => _floats ?? throw new InvalidOperationException($"This tensor holds {ElementType} values; read {nameof(Int64Data)}.");

    /// <summary>The int64 values; a tensor of another element type throws.</summary>
    public long[] Int64Data => _int64s ?? throw new InvalidOperationException($"This tensor holds {ElementType} values; read {nameof(Data)}.");

    public long[] Shape { get; }

    /// <summary>An OrtValue over this tensor's own array (pinned until the value is disposed), not a copy.</summary>
    internal OrtValue ToOrtValue() =>
        _floats is not null ? OrtValue.CreateTensorValueFromMemory(_floats, Shape) : OrtValue.CreateTensorValueFromMemory(_int64s!, Shape);

    public override string ToString() => $"{(ElementType == TensorElementType.Float ? "float" : "int64")}[{string.Join(", ", Shape)}]";

    private static void Check(int length, long[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
                throw new ArgumentException($"Dimension {dim} in [{string.Join(", ", shape)}] is negative.", nameof(shape));
            count = checked(count * dim);
        }
        if (count != length)
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] holds {count} values but the data has {length}.", "data");
    }
}
