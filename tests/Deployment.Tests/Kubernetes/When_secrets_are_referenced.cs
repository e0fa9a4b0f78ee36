using System.Text.RegularExpressions;

namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

public partial class When_secrets_are_referenced
{
    [Fact]
    public void Should_name_only_keys_the_example_secret_documents()
    {
        var documented = Workloads.ExampleSecret().Keys.ToHashSet();
        var referenced = Workloads.SecretKeyRefs().ToList();
        Assert.NotEmpty(referenced);
        Assert.All(referenced, r =>
        {
            Assert.Equal(Workloads.SecretName, r.Secret);
            Assert.True(documented.Contains(r.Key), $"{r.Where} names {r.Key}, which secrets.env.example does not document");
        });
    }

    [Fact]
    public void Should_give_KEDA_only_keys_the_example_secret_documents()
    {
        var documented = Workloads.ExampleSecret().Keys.ToHashSet();
        Assert.All(KubernetesManifests.OfKind("TriggerAuthentication").SelectMany(a => a.Root["spec"]["secretTargetRef"].Items), r =>
        {
            Assert.Equal(Workloads.SecretName, r["name"].Text);
            Assert.Contains(r["key"].Text, documented);
        });
    }

    [Fact]
    public void Should_document_no_key_that_nothing_reads()
    {
        var read = Workloads.SecretKeyRefs().Select(r => r.Key)
            .Concat(KubernetesManifests.OfKind("TriggerAuthentication").SelectMany(a => a.Root["spec"]["secretTargetRef"].Items).Select(r => r["key"].Text))
            .ToHashSet();
        Assert.All(Workloads.ExampleSecret().Keys, key => Assert.Contains(key, read));
    }

    [Fact]
    public void Should_commit_no_Secret_and_ignore_the_filled_in_env_file()
    {
        Assert.Empty(KubernetesManifests.OfKind("Secret"));
        Assert.Contains("secrets.env", RepositoryFiles.Read(KubernetesManifests.Folder, ".gitignore").Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void Should_hold_placeholders_where_the_example_has_credentials() =>
        Assert.All(Workloads.ExampleSecret().Where(kv => Credential().IsMatch(kv.Key) || Credential().IsMatch(kv.Value)), kv =>
            Assert.Matches(Placeholder(), kv.Value));

    [Fact]
    public void Should_keep_credentials_out_of_the_ConfigMap()
    {
        var secretKeys = Workloads.ExampleSecret().Keys.ToHashSet();
        Assert.All(Workloads.ConfigMap(), kv =>
        {
            Assert.DoesNotContain(kv.Key, secretKeys);
            Assert.DoesNotMatch(Credential(), kv.Key);
            Assert.DoesNotMatch(Credential(), kv.Value);
        });
    }

    /// <summary>The scripts' stack_env is the reference list of what the services are given.</summary>
    [Fact]
    public void Should_provide_every_setting_the_scripts_give_the_services()
    {
        var script = RepositoryFiles.Read("scripts", "lib", "stack.sh");
        var body = script[script.IndexOf("stack_env() {", StringComparison.Ordinal)..];
        body = body[..body.IndexOf("\n}", StringComparison.Ordinal)];
        var settings = Setting().Matches(body).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Contains("RabbitMq__Host", settings);
        var provided = Workloads.ConfigMap().Keys.Concat(Workloads.ExampleSecret().Keys).ToHashSet();
        Assert.All(settings, s => Assert.Contains(s, provided));
    }

    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_give_every_service_the_database_and_broker_credentials(string service)
    {
        var env = Workloads.Env(Workloads.Container(Workloads.Deployment(service)));
        Assert.All(new[] { "ConnectionStrings__Postgres", "RabbitMq__Username", "RabbitMq__Password" }, key =>
            Assert.Equal(key, env[key]["valueFrom"]["secretKeyRef"]["key"].Text));
    }

    [Fact]
    public void Should_give_the_signing_key_to_the_gateway_and_the_cache_to_the_scoring_worker_only()
    {
        foreach (var (key, only) in new[] { ("Auth__SigningKey", "gateway"), ("Redis__Configuration", "scoring-worker") })
            Assert.Equal([only], Workloads.Services.Where(s => Workloads.Env(Workloads.Container(Workloads.Deployment(s))).ContainsKey(key)));
    }

    [GeneratedRegex("password|signingkey|secret", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();

    [GeneratedRegex("<[A-Z0-9_]+>")]
    private static partial Regex Placeholder();

    /// <summary>An ASP.NET configuration key as the scripts export it (Section__Key=...).</summary>
    [GeneratedRegex(@"\b([A-Za-z]+(?:__[A-Za-z]+)+)=")]
    private static partial Regex Setting();
}
