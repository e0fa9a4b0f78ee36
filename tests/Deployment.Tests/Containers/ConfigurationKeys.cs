using System.Text.RegularExpressions;

namespace iAyos.Messaging.Deployment.Tests.Containers;

/// <summary>
/// The configuration keys the services read, in environment-variable form (<c>Section__Property</c>), found in the
/// sources: each options class's <c>Section</c> constant with its settable properties, and the connection string and
/// other keys named by constants. Each key knows the project that declares it, so a service reads it only when that
/// project is among its references.
/// </summary>
public static partial class ConfigurationKeys
{
    /// <summary>Keys the host itself reads, whatever the project.</summary>
    public static IReadOnlySet<string> HostKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS",
    };

    /// <summary>Key to the source directories ("src/Platform") that declare it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Declared { get; } = Scan();

    /// <summary>True when a service built from <paramref name="sourceDirectories"/> reads <paramref name="key"/>.</summary>
    public static bool IsReadBy(string key, IReadOnlySet<string> sourceDirectories) =>
        HostKeys.Contains(key) || (Declared.TryGetValue(key, out var owners) && owners.Overlaps(sourceDirectories));

    /// <summary>The configuration keys scripts/lib/stack.sh's stack_env gives the services under scripts/up.sh.</summary>
    public static IReadOnlySet<string> ScriptServiceKeys()
    {
        var stack = RepositoryFiles.Read("scripts", "lib", "stack.sh");
        var body = StackEnvFunction().Match(stack);
        if (!body.Success) throw new InvalidDataException("scripts/lib/stack.sh: no stack_env function.");
        return Regex.Matches(body.Groups["body"].Value, @"\b[A-Za-z_][A-Za-z0-9_]*\b").Select(m => m.Value)
            .Where(name => ConfigurationName().IsMatch(name) || HostKeys.Contains(name))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static Dictionary<string, IReadOnlySet<string>> Scan()
    {
        var keys = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string configurationPath, string sourceDirectory)
        {
            var key = configurationPath.Replace(":", "__");
            if (!keys.TryGetValue(key, out var owners)) keys[key] = owners = new HashSet<string>(StringComparer.Ordinal);
            owners.Add(sourceDirectory);
        }

        var src = RepositoryFiles.PathOf("src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryFiles.Root, file).Replace('\\', '/');
            if (relative.Contains("/bin/") || relative.Contains("/obj/")) continue;
            var project = string.Join('/', relative.Split('/').Take(2));
            var text = File.ReadAllText(file);
            var section = SectionConstant().Match(text);
            if (section.Success)
                foreach (Match property in SettableProperty().Matches(text))
                    Add($"{section.Groups["value"].Value}:{property.Groups["name"].Value}", project);
            foreach (Match connection in ConnectionStringConstant().Matches(text))
                Add($"ConnectionStrings:{connection.Groups["value"].Value}", project);
            foreach (Match key in KeyConstant().Matches(text))
                Add(key.Groups["value"].Value, project);
        }
        return keys.ToDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value, StringComparer.Ordinal);
    }

    [GeneratedRegex("""const string Section = "(?<value>[A-Za-z:]+)";""")]
    private static partial Regex SectionConstant();

    [GeneratedRegex("""public [\w<>?,\[\] ]+ (?<name>[A-Z]\w*) \{ get; set; \}""")]
    private static partial Regex SettableProperty();

    [GeneratedRegex("""const string ConnectionStringName = "(?<value>\w+)";""")]
    private static partial Regex ConnectionStringConstant();

    /// <summary>A whole key named by a constant, e.g. <c>ConnectionKey = "Redis:Configuration"</c>.</summary>
    [GeneratedRegex("""const string \w*Key = "(?<value>[A-Za-z]+(?::[A-Za-z]+)+)";""")]
    private static partial Regex KeyConstant();

    [GeneratedRegex("""^stack_env\(\) \{\n(?<body>.*?)^\}""", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex StackEnvFunction();

    /// <summary>Section__Property, as .NET's environment configuration provider reads it.</summary>
    [GeneratedRegex("""^[A-Z][A-Za-z]*(?:__[A-Z][A-Za-z]*)+$""")]
    private static partial Regex ConfigurationName();
}
