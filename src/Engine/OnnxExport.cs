using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Engine;

/// <summary>The graph a network is being exported into, and unique names for the values layers add.</summary>
public sealed class OnnxExport(OnnxGraphBuilder graph)
{
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    public OnnxGraphBuilder Graph { get; } = graph;

    /// <summary>"dense/kernel", then "dense/kernel_1", ...: initializer and node output names never clash.</summary>
    public string Name(string layer, string value)
    {
        var name = $"{layer}/{value}";
        if (!_used.TryGetValue(name, out var count))
        {
            _used[name] = 1;
            return name;
        }
        _used[name] = count + 1;
        return $"{name}_{count}";
    }
}
