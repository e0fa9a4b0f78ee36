using System.Runtime.InteropServices;

namespace iAyos.Messaging.Onnx.Writer;

/// <summary>
/// Builds an ONNX model (ModelProto) from inputs, initializers, nodes and outputs. Field numbers follow
/// onnx.proto; weights go in raw_data (little-endian), a null dimension is the symbolic "batch" dimension.
/// </summary>
public sealed class OnnxGraphBuilder(string graphName)
{
    /// <summary>ONNX TensorProto.DataType values used here.</summary>
    public const int Float32 = 1, Int64Type = 7;

    /// <summary>IR version 8 is the one that goes with opset 17.</summary>
    public const long IrVersion = 8, DefaultOpset = 17;

    private readonly List<Action<ProtoWriter>> _nodes = [];
    private readonly List<Action<ProtoWriter>> _initializers = [];
    private readonly List<Action<ProtoWriter>> _inputs = [];
    private readonly List<Action<ProtoWriter>> _outputs = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _nodeCount;

    public string BatchDimension { get; init; } = "batch";

    public OnnxGraphBuilder AddInput(string name, params long?[] shape)
    {
        Declare(name);
        _inputs.Add(w => ValueInfo(w, name, Float32, shape));
        return this;
    }

    /// <summary>An int64 input: ids for Gather (embedding lookups).</summary>
    public OnnxGraphBuilder AddInt64Input(string name, params long?[] shape)
    {
        Declare(name);
        _inputs.Add(w => ValueInfo(w, name, Int64Type, shape));
        return this;
    }

    public OnnxGraphBuilder AddOutput(string name, params long?[] shape)
    {
        _outputs.Add(w => ValueInfo(w, name, Float32, shape));
        return this;
    }

    /// <summary>An int64 output (ArgMax, a passed-through id).</summary>
    public OnnxGraphBuilder AddInt64Output(string name, params long?[] shape)
    {
        _outputs.Add(w => ValueInfo(w, name, Int64Type, shape));
        return this;
    }

    public OnnxGraphBuilder AddInitializer(string name, float[] values, params long[] dims)
    {
        CheckCount(name, values.Length, dims);
        Declare(name);
        var raw = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        _initializers.Add(w => Tensor(w, name, Float32, dims, raw));
        return this;
    }

    public OnnxGraphBuilder AddInitializer(string name, long[] values, params long[] dims)
    {
        CheckCount(name, values.Length, dims);
        Declare(name);
        var raw = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
        _initializers.Add(w => Tensor(w, name, Int64Type, dims, raw));
        return this;
    }

    /// <summary>An empty input name stands for an omitted optional input (as ONNX's LSTM allows).</summary>
    public OnnxGraphBuilder AddNode(string opType, string[] inputs, string[] outputs, params OnnxAttribute[] attributes)
    {
        var nodeName = $"{opType.ToLowerInvariant()}_{_nodeCount++}";
        _nodes.Add(w =>
        {
            foreach (var input in inputs) w.String(1, input);
            foreach (var output in outputs) w.String(2, output);
            w.String(3, nodeName).String(4, opType);
            foreach (var attribute in attributes) w.Message(5, attribute.WriteTo);
        });
        return this;
    }

    public byte[] ToModelBytes(long opset = DefaultOpset, string producer = "iAyos.Messaging")
    {
        var model = new ProtoWriter()
            .Int64(1, IrVersion)
            .String(2, producer)
            .String(3, "1")
            .Message(7, graph =>
            {
                foreach (var node in _nodes) graph.Message(1, node);
                graph.String(2, graphName);
                foreach (var initializer in _initializers) graph.Message(5, initializer);
                foreach (var input in _inputs) graph.Message(11, input);
                foreach (var output in _outputs) graph.Message(12, output);
            })
            .Message(8, opsetId => opsetId.String(1, "").Int64(2, opset));
        return model.ToArray();
    }

    private void Declare(string name)
    {
        if (!_names.Add(name))
            throw new ArgumentException($"'{name}' is already an input or initializer of the graph.", nameof(name));
    }

    private static void CheckCount(string name, int count, long[] dims)
    {
        var expected = dims.Aggregate(1L, (a, d) => a * d);
        if (expected != count)
            throw new ArgumentException($"Initializer '{name}' has {count} values but dims [{string.Join(", ", dims)}] hold {expected}.");
    }

    // TensorProto: dims (1), data_type (2), name (8), raw_data (9).
    private static void Tensor(ProtoWriter w, string name, int dataType, long[] dims, byte[] raw)
    {
        foreach (var d in dims) w.Int64(1, d);
        w.Int64(2, dataType).String(8, name).Bytes(9, raw);
    }

    // ValueInfoProto: name (1), type (2) -> TypeProto.tensor_type (1) -> elem_type (1), shape (2) -> dim (1)
    // -> dim_value (1) | dim_param (2).
    private void ValueInfo(ProtoWriter w, string name, int elemType, long?[] shape) =>
        w.String(1, name).Message(2, type => type.Message(1, tensor =>
        {
            tensor.Int64(1, elemType);
            tensor.Message(2, s =>
            {
                foreach (var dim in shape)
                    s.Message(1, d => { if (dim is { } value) d.Int64(1, value); else d.String(2, BatchDimension); });
            });
        }));
}
