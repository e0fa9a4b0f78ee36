using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

/// <summary>One YAML document of a manifest file, as nested dictionaries, lists and strings.</summary>
public sealed record Manifest(string File, YamlNode Root)
{
    public string Kind => Root["kind"].Text;
    public string Name => Root["metadata"]["name"].Text;
    public override string ToString() => $"{Kind}/{Name} ({File})";
}

/// <summary>
/// The manifests under deploy/k8s that its kustomization.yaml lists, read as kubectl would before kustomize's
/// transformations (namespace, labels, images), which the tests check on the kustomization itself.
/// </summary>
public static class KubernetesManifests
{
    public const string Folder = "deploy/k8s";

    public static YamlNode Kustomization { get; } = ReadDocuments(Path.Combine(Folder, "kustomization.yaml")).Single();

    public static IReadOnlyList<string> ListedFiles { get; } =
        Kustomization["resources"].Items.Select(r => r.Text).ToList();

    public static IReadOnlyList<Manifest> All { get; } = ListedFiles
        .Where(f => File.Exists(RepositoryFiles.PathOf(Folder, f)))
        .SelectMany(f => ReadDocuments(Path.Combine(Folder, f)).Select(d => new Manifest(f, d)))
        .ToList();

    public static IEnumerable<Manifest> OfKind(string kind) => All.Where(m => m.Kind == kind);

    public static Manifest Single(string kind, string name) => All.Single(m => m.Kind == kind && m.Name == name);

    public static IReadOnlyList<YamlNode> ReadDocuments(string relativePath)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(RepositoryFiles.Read(relativePath)));
        parser.Consume<StreamStart>();
        var documents = new List<YamlNode>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = deserializer.Deserialize<object?>(parser);
            if (document is not null)
                documents.Add(new YamlNode(document, relativePath));
        }
        return documents;
    }
}
