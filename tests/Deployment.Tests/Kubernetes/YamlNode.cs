namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

/// <summary>
/// A node of a deserialised YAML document with the path that reached it, so a failed lookup says where it was.
/// A missing key reads as <see cref="Missing"/> rather than throwing, for optional fields.
/// </summary>
public sealed class YamlNode(object? value, string path)
{
    public object? Value { get; } = value;
    public string Path { get; } = path;

    public bool Missing => Value is null;

    public YamlNode this[string key] => new(
        Value is IDictionary<object, object> map && map.TryGetValue(key, out var child) ? child : null, $"{Path}.{key}");

    public bool Has(string key) => !this[key].Missing;

    /// <summary>A scalar (YAML reads every scalar as a string here); fails on a missing or structured node.</summary>
    public string Text => Value as string ?? throw new InvalidOperationException($"{Path} is not a scalar (it is {Value?.GetType().Name ?? "missing"}).");

    public int Integer => int.Parse(Text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A sequence's items; a missing node is empty.</summary>
    public IReadOnlyList<YamlNode> Items => Value switch
    {
        null => [],
        IList<object> list => list.Select((item, i) => new YamlNode(item, $"{Path}[{i}]")).ToList(),
        _ => throw new InvalidOperationException($"{Path} is not a sequence."),
    };

    /// <summary>A mapping's entries; a missing node is empty.</summary>
    public IReadOnlyDictionary<string, YamlNode> Entries => Value switch
    {
        null => new Dictionary<string, YamlNode>(),
        IDictionary<object, object> map => map.ToDictionary(e => (string)e.Key, e => new YamlNode(e.Value, $"{Path}.{e.Key}")),
        _ => throw new InvalidOperationException($"{Path} is not a mapping."),
    };

    public override string ToString() => $"{Path} = {Value}";
}
