namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

/// <summary>Reading Deployments, their pods and containers, and the configuration they name.</summary>
public static class Workloads
{
    public static readonly string[] Services = ["gateway", "inference-worker", "training-worker", "scoring-worker"];

    public static readonly string[] Workers = ["inference-worker", "training-worker", "scoring-worker"];

    public const string SecretName = "iayos-secrets";

    public static IEnumerable<object[]> ServiceNames => Services.Select(s => new object[] { s });

    public static IEnumerable<object[]> WorkerNames => Workers.Select(s => new object[] { s });

    public static Manifest Deployment(string name) => KubernetesManifests.Single("Deployment", name);

    public static YamlNode PodSpec(Manifest deployment) => deployment.Root["spec"]["template"]["spec"];

    public static YamlNode PodLabels(Manifest deployment) => deployment.Root["spec"]["template"]["metadata"]["labels"];

    /// <summary>Each service runs one container per pod.</summary>
    public static YamlNode Container(Manifest deployment) => PodSpec(deployment)["containers"].Items.Single();

    public static IReadOnlyDictionary<string, YamlNode> Env(YamlNode container) =>
        container["env"].Items.ToDictionary(e => e["name"].Text);

    /// <summary>A probe's or Service's port, by name or number, as the container's port number (null if undeclared).</summary>
    public static int? ContainerPort(YamlNode container, YamlNode port)
    {
        var declared = container["ports"].Items;
        var match = declared.FirstOrDefault(p => p.Has("name") && p["name"].Text == port.Text)
            ?? declared.FirstOrDefault(p => p["containerPort"].Text == port.Text);
        return match?["containerPort"].Integer;
    }

    public static IReadOnlyDictionary<string, string> ConfigMap() =>
        KubernetesManifests.Single("ConfigMap", "iayos-config").Root["data"].Entries.ToDictionary(e => e.Key, e => e.Value.Text);

    /// <summary>The keys of deploy/k8s/secrets.env.example, the template of the uncommitted Secret.</summary>
    public static IReadOnlyDictionary<string, string> ExampleSecret() =>
        RepositoryFiles.Read(KubernetesManifests.Folder, "secrets.env.example")
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "");

    /// <summary>Every secretKeyRef of every container, with where it is.</summary>
    public static IEnumerable<(string Where, string Secret, string Key)> SecretKeyRefs() =>
        KubernetesManifests.OfKind("Deployment")
            .SelectMany(d => PodSpec(d)["containers"].Items)
            .SelectMany(c => c["env"].Items)
            .Select(e => e["valueFrom"]["secretKeyRef"])
            .Where(r => !r.Missing)
            .Select(r => (r.Path, r["name"].Text, r["key"].Text));

    /// <summary>The volume a container path is mounted from (the longest mount path that contains it).</summary>
    public static YamlNode? MountOf(YamlNode container, string path) =>
        container["volumeMounts"].Items
            .Where(m => path == m["mountPath"].Text || path.StartsWith(m["mountPath"].Text.TrimEnd('/') + "/", StringComparison.Ordinal))
            .MaxBy(m => m["mountPath"].Text.Length);

    public static YamlNode Volume(Manifest deployment, string name) =>
        PodSpec(deployment)["volumes"].Items.Single(v => v["name"].Text == name);
}
