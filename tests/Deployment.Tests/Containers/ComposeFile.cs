using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace iAyos.Messaging.Deployment.Tests.Containers;

/// <summary>
/// compose/docker-compose.yml as plain maps and lists, with its anchors and merge keys (<c>&lt;&lt;: *x</c>) resolved
/// the way compose resolves them, so a test sees each service's effective settings.
/// </summary>
public sealed class ComposeFile
{
    public const string RelativePath = "compose/docker-compose.yml";

    private readonly Dictionary<object, object?> _root;

    private ComposeFile(Dictionary<object, object?> root) => _root = root;

    public static ComposeFile Read() => Parse(RepositoryFiles.Read(RelativePath));

    public static ComposeFile Parse(string yaml)
    {
        using var reader = new StringReader(yaml);
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(new MergingParser(new Parser(reader)));
        return new ComposeFile(root);
    }

    public IReadOnlyDictionary<string, Map> Services =>
        Map.Of(_root["services"]).Entries.ToDictionary(e => e.Key, e => Map.Of(e.Value));

    public IReadOnlyCollection<string> VolumeNames =>
        _root.TryGetValue("volumes", out var volumes) && volumes is not null ? [.. Map.Of(volumes).Entries.Keys] : [];

    public sealed record Mount(string Source, string Target, string Mode)
    {
        /// <summary>A named volume rather than a host path.</summary>
        public bool IsNamedVolume => !Source.StartsWith('.') && !Source.StartsWith('/') && !Source.StartsWith('$');
    }

    /// <summary>A YAML mapping with string keys.</summary>
    public sealed class Map(IReadOnlyDictionary<string, object?> entries)
    {
        public IReadOnlyDictionary<string, object?> Entries { get; } = entries;

        public static Map Of(object? node) => node switch
        {
            Dictionary<object, object?> d => new Map(d.ToDictionary(e => (string)e.Key, e => e.Value)),
            null => new Map(new Dictionary<string, object?>()),
            _ => throw new InvalidDataException($"Expected a mapping, found {node.GetType().Name}."),
        };

        public bool Has(string key) => Entries.ContainsKey(key);

        public Map MapAt(string key) => Of(Entries.GetValueOrDefault(key));

        public string? StringAt(string key) => Entries.GetValueOrDefault(key) as string;

        public IReadOnlyList<string> StringsAt(string key) => Entries.GetValueOrDefault(key) switch
        {
            List<object?> list => [.. list.Select(i => i as string ?? throw new InvalidDataException($"{key}: expected strings."))],
            string one => [one],
            null => [],
            var other => throw new InvalidDataException($"{key}: expected a list, found {other.GetType().Name}."),
        };

        /// <summary><c>volumes</c> in the short syntax (SOURCE:TARGET[:MODE]); a source may be a <c>${VAR:-default}</c>.</summary>
        public IReadOnlyList<Mount> Mounts() =>
        [
            .. StringsAt("volumes").Select(volume =>
            {
                // Colons inside ${...} are not separators: hide each interpolation behind its index while splitting.
                var interpolations = Regex.Matches(volume, @"\$\{[^}]*\}").Select(m => m.Value).ToList();
                var index = 0;
                var parts = Regex.Replace(volume, @"\$\{[^}]*\}", _ => $"\0{index++}\0").Split(':');
                var source = Regex.Replace(parts[0], "\0(\\d+)\0", m => interpolations[int.Parse(m.Groups[1].Value)]);
                return new Mount(source, parts[1], parts.Length > 2 ? parts[2] : "rw");
            }),
        ];

        /// <summary><c>environment</c> in either of compose's forms (a mapping, or a list of NAME=value).</summary>
        public IReadOnlyDictionary<string, string> Environment() => Entries.GetValueOrDefault("environment") switch
        {
            Dictionary<object, object?> d => d.ToDictionary(e => (string)e.Key, e => e.Value as string ?? ""),
            List<object?> list => list.Cast<string>().Select(i => i.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : ""),
            _ => new Dictionary<string, string>(),
        };
    }
}
