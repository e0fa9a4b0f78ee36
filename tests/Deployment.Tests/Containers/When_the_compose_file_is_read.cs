using System.Text.RegularExpressions;

namespace iAyos.Messaging.Deployment.Tests.Containers;

public class When_the_compose_file_is_read
{
    private static readonly string[] Infrastructure = ["rabbitmq", "postgres", "redis"];

    private static readonly ComposeFile Compose = ComposeFile.Read();

    public static TheoryData<string> Services => ServiceProject.Names();

    private static ComposeFile.Map ServiceOf(string service) => Compose.Services[ServiceProject.Named(service).ComposeName];

    [Fact]
    public void Should_run_the_four_services_and_the_broker_database_and_cache()
    {
        var expected = ServiceProject.All.Select(s => s.ComposeName).Concat(Infrastructure).Order().ToList();

        Assert.Equal(expected, Compose.Services.Keys.Order().ToList());
        Assert.StartsWith("rabbitmq:", Compose.Services["rabbitmq"].StringAt("image"));
        Assert.EndsWith("-management", Compose.Services["rabbitmq"].StringAt("image"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_build_each_service_from_its_Dockerfile_with_the_repository_as_context(string service)
    {
        var build = ServiceOf(service).MapAt("build");
        var context = Path.GetFullPath(Path.Combine(RepositoryFiles.PathOf("compose"), build.StringAt("context")!));

        Assert.Equal(Path.TrimEndingDirectorySeparator(RepositoryFiles.Root), Path.TrimEndingDirectorySeparator(context));
        Assert.Equal(ServiceProject.Named(service).DockerfilePath, build.StringAt("dockerfile"));
        Assert.True(File.Exists(Path.Combine(context, build.StringAt("dockerfile")!)));
    }

    [Fact]
    public void Should_give_every_container_a_healthcheck()
    {
        foreach (var (name, service) in Compose.Services)
        {
            Assert.True(service.Has("healthcheck"), name);
            var healthcheck = service.MapAt("healthcheck");
            Assert.NotEqual("true", healthcheck.StringAt("disable"));
            if (healthcheck.Has("test"))
                Assert.NotEqual(new[] { "NONE" }, healthcheck.StringsAt("test"));
            else
            {
                // No test of its own: the image's HEALTHCHECK runs, so the image must have one.
                var dockerfile = Dockerfile.Read(service.MapAt("build").StringAt("dockerfile") ?? throw new Xunit.Sdk.XunitException($"{name}: no test and no Dockerfile"));
                Assert.Contains(dockerfile.Final.ArgumentsOf("HEALTHCHECK"), h => h.Contains("CMD"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_start_each_service_once_the_broker_and_the_database_are_healthy(string service)
    {
        var dependsOn = ServiceOf(service).MapAt("depends_on");

        foreach (var dependency in new[] { "postgres", "rabbitmq" })
            Assert.Equal("service_healthy", dependsOn.MapAt(dependency).StringAt("condition"));
        foreach (var (dependency, _) in dependsOn.Entries)
            Assert.True(Compose.Services[dependency].Has("healthcheck"), $"{service} waits on {dependency}, which has no healthcheck");
    }

    [Fact]
    public void Should_wait_for_the_cache_where_the_cache_is_configured()
    {
        foreach (var project in ServiceProject.All)
        {
            var service = Compose.Services[project.ComposeName];
            if (service.Environment().ContainsKey("Redis__Configuration"))
                Assert.Equal("service_healthy", service.MapAt("depends_on").MapAt("redis").StringAt("condition"));
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_set_only_configuration_keys_the_service_reads(string service)
    {
        var sources = ServiceProject.Named(service).SourceDirectories();
        var unread = ServiceOf(service).Environment().Keys.Where(key => !ConfigurationKeys.IsReadBy(key, sources)).ToList();

        Assert.Empty(unread);
    }

    [Fact]
    public void Should_set_every_configuration_key_the_scripts_give_the_services()
    {
        var set = ServiceProject.All.SelectMany(s => Compose.Services[s.ComposeName].Environment().Keys).ToHashSet();
        var scriptKeys = ConfigurationKeys.ScriptServiceKeys();

        Assert.Contains("ConnectionStrings__Postgres", scriptKeys); // the scan of stack.sh found its keys
        Assert.Superset(scriptKeys.ToHashSet(), set);
    }

    [Fact]
    public void Should_take_every_password_and_key_from_the_environment()
    {
        var literal = new List<string>();
        foreach (var (name, service) in Compose.Services)
            foreach (var (key, value) in service.Environment())
            {
                var secrets = new List<string>();
                if (Regex.IsMatch(key, "(PASS|Password|SigningKey|Secret)", RegexOptions.IgnoreCase))
                    secrets.Add(value);
                secrets.AddRange(Regex.Matches(value, @"(?i)password=(?<secret>[^;,]*)").Select(m => m.Groups["secret"].Value));
                literal.AddRange(secrets.Where(s => !Regex.IsMatch(s, @"^\$\{[A-Z0-9_]+:\?[^}]+\}$")).Select(s => $"{name}: {key}"));
            }

        Assert.Empty(literal);
    }

    [Fact]
    public void Should_run_more_than_one_inference_worker_without_a_fixed_host_port()
    {
        var inference = Compose.Services["inference-worker"];
        var replicas = int.Parse(inference.MapAt("deploy").StringAt("replicas")!);

        Assert.True(replicas > 1, $"{replicas} replica(s)");
        Assert.False(inference.Has("container_name"), "a fixed container name allows one replica only");
        Assert.Empty(inference.StringsAt("ports"));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Should_mount_a_volume_at_every_directory_it_configures(string service)
    {
        var compose = ServiceOf(service);
        var mounts = compose.Mounts().ToDictionary(m => m.Target, m => m.Mode);
        var directories = compose.Environment().Where(e => e.Key.EndsWith("Directory", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(directories);
        foreach (var (key, path) in directories)
            Assert.True(mounts.ContainsKey(path), $"{key}={path} has no volume");
        // Only the TrainingWorker writes model artifacts; the others read them.
        Assert.Equal(service == "TrainingWorker" ? "rw" : "ro", mounts["/var/lib/iayos/models"]);
    }

    [Fact]
    public void Should_declare_the_named_volumes_it_mounts()
    {
        var named = Compose.Services.Values.SelectMany(s => s.Mounts()).Where(m => m.IsNamedVolume).Select(m => m.Source).ToHashSet();

        Assert.Contains("postgres-data", named);
        Assert.Contains("model-artifacts", named);
        Assert.Subset(Compose.VolumeNames.ToHashSet(), named);
    }
}
