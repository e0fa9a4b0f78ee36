using System.Xml.Linq;

namespace iAyos.Messaging.Deployment.Tests.Containers;

/// <summary>One of the four deployable services: its project under src/, its compose service and what its build needs.</summary>
public sealed record ServiceProject(string Directory, string ComposeName)
{
    public static IReadOnlyList<ServiceProject> All { get; } =
    [
        new("Gateway", "gateway"),
        new("InferenceWorker", "inference-worker"),
        new("TrainingWorker", "training-worker"),
        new("ScoringWorker", "scoring-worker"),
    ];

    public static TheoryData<string> Names() => new(All.Select(s => s.Directory));

    public static ServiceProject Named(string directory) => All.Single(s => s.Directory == directory);

    public string ProjectFile => $"src/{Directory}/iAyos.Messaging.{Directory}.csproj";

    public string DockerfilePath => $"src/{Directory}/Dockerfile";

    /// <summary>What the build writes: the csproj's AssemblyName, else the project file's name.</summary>
    public string AssemblyFile
    {
        get
        {
            var name = Load(ProjectFile).Descendants("AssemblyName").Select(e => e.Value.Trim()).LastOrDefault();
            return (name ?? Path.GetFileNameWithoutExtension(ProjectFile)) + ".dll";
        }
    }

    /// <summary>True when the build runs npm (the Gateway vendors chart.js with <c>npm ci</c>).</summary>
    public bool BuildRunsNpm => Load(ProjectFile).Descendants("Exec").Any(e => ((string?)e.Attribute("Command") ?? "").Contains("npm "));

    /// <summary>The project file and every project it references, directly or not, as repository-relative paths.</summary>
    public IReadOnlySet<string> ProjectClosure()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([ProjectFile]);
        while (pending.TryPop(out var project))
        {
            if (!found.Add(project)) continue;
            var directory = Path.GetDirectoryName(project)!;
            foreach (var reference in Load(project).Descendants("ProjectReference"))
            {
                var include = ((string)reference.Attribute("Include")!).Replace('\\', '/');
                var full = Path.GetFullPath(Path.Combine(RepositoryFiles.Root, directory, include));
                pending.Push(Path.GetRelativePath(RepositoryFiles.Root, full).Replace('\\', '/'));
            }
        }
        return found;
    }

    /// <summary>The directories under src/ of <see cref="ProjectClosure"/> ("src/Platform", ...).</summary>
    public IReadOnlySet<string> SourceDirectories() =>
        ProjectClosure().Select(p => Path.GetDirectoryName(p)!.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);

    private static XDocument Load(string relativePath) => XDocument.Parse(RepositoryFiles.Read(relativePath));

    public override string ToString() => Directory;
}
