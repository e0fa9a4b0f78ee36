namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

public class When_a_deployment_is_read
{
    private const int AppUser = 1654;

    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_check_liveness_on_health_live_at_its_container_port(string service) =>
        AssertProbe(service, "livenessProbe", "/health/live");

    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_check_readiness_on_health_ready_at_its_container_port(string service) =>
        AssertProbe(service, "readinessProbe", "/health/ready");

    /// <summary>Start-up (migrations, model loading) happens before the port opens; liveness must not count it.</summary>
    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_wait_for_start_up_on_health_live_longer_than_liveness_would(string service)
    {
        var container = Workloads.Container(Workloads.Deployment(service));
        AssertProbe(service, "startupProbe", "/health/live");
        Assert.True(Patience(container["startupProbe"]) > Patience(container["livenessProbe"]), $"{service}: the startup probe gives up before liveness would");
    }

    [Fact]
    public void Should_give_the_inference_worker_the_longest_start_up_as_it_loads_models_and_the_text_encoder()
    {
        var inference = Patience(Workloads.Container(Workloads.Deployment("inference-worker"))["startupProbe"]);
        Assert.All(Workloads.Services.Where(s => s != "inference-worker"), s =>
            Assert.True(inference >= Patience(Workloads.Container(Workloads.Deployment(s))["startupProbe"]), s));
    }

    [Fact]
    public void Should_listen_on_the_port_every_container_declares()
    {
        var port = Workloads.ConfigMap()["ASPNETCORE_HTTP_PORTS"];
        Assert.All(Workloads.Services, s => Assert.Equal(port, Workloads.Container(Workloads.Deployment(s))["ports"].Items.Single()["containerPort"].Text));
    }

    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_request_cpu_and_memory_and_limit_memory(string service)
    {
        var resources = Workloads.Container(Workloads.Deployment(service))["resources"];
        Assert.False(resources["requests"]["cpu"].Missing, $"{service} requests no CPU");
        Assert.False(resources["requests"]["memory"].Missing, $"{service} requests no memory");
        Assert.False(resources["limits"]["memory"].Missing, $"{service} has no memory limit");
        Assert.True(Mebibytes(resources["limits"]["memory"].Text) >= Mebibytes(resources["requests"]["memory"].Text), $"{service}: memory limit below its request");
    }

    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_run_as_the_non_root_app_user_on_a_read_only_root_with_a_writable_tmp(string service)
    {
        var deployment = Workloads.Deployment(service);
        var pod = Workloads.PodSpec(deployment)["securityContext"];
        var container = Workloads.Container(deployment);
        Assert.Equal("true", pod["runAsNonRoot"].Text);
        Assert.Equal(AppUser, pod["runAsUser"].Integer);
        Assert.Equal("true", container["securityContext"]["readOnlyRootFilesystem"].Text);
        Assert.Equal("false", container["securityContext"]["allowPrivilegeEscalation"].Text);
        Assert.Equal(["ALL"], container["securityContext"]["capabilities"]["drop"].Items.Select(c => c.Text));
        var tmp = Workloads.MountOf(container, "/tmp");
        Assert.NotNull(tmp);
        Assert.Equal("/tmp", tmp["mountPath"].Text);
        Assert.False(Workloads.Volume(deployment, tmp["name"].Text)["emptyDir"].Missing, $"{service}: /tmp is not an emptyDir");
    }

    /// <summary>The host's shutdown timeout is how long in-flight messages get; past the grace period Kubernetes kills.</summary>
    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_finish_its_shutdown_within_the_grace_period(string service)
    {
        var deployment = Workloads.Deployment(service);
        var container = Workloads.Container(deployment);
        var shutdown = Workloads.Env(container)["DOTNET_shutdownTimeoutSeconds"]["value"].Integer;
        var preStop = container["lifecycle"]["preStop"]["sleep"]["seconds"];
        var grace = Workloads.PodSpec(deployment)["terminationGracePeriodSeconds"].Integer;
        Assert.True(shutdown + (preStop.Missing ? 0 : preStop.Integer) < grace, $"{service}: {shutdown} s shutdown (+ preStop) does not fit {grace} s");
    }

    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_select_its_own_pods(string service)
    {
        var deployment = Workloads.Deployment(service);
        var labels = Workloads.PodLabels(deployment).Entries;
        Assert.NotEmpty(deployment.Root["spec"]["selector"]["matchLabels"].Entries);
        Assert.All(deployment.Root["spec"]["selector"]["matchLabels"].Entries, kv =>
            Assert.True(labels.TryGetValue(kv.Key, out var v) && v.Text == kv.Value.Text, $"{service}: pods lack {kv.Key}={kv.Value.Text}"));
    }

    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_mount_only_declared_volumes_whose_claims_exist(string service)
    {
        var deployment = Workloads.Deployment(service);
        var claims = KubernetesManifests.OfKind("PersistentVolumeClaim").Select(c => c.Name).ToHashSet();
        var volumes = Workloads.PodSpec(deployment)["volumes"].Items.ToDictionary(v => v["name"].Text);
        Assert.All(Workloads.Container(deployment)["volumeMounts"].Items, m => Assert.Contains(m["name"].Text, volumes.Keys));
        Assert.All(volumes.Values.Select(v => v["persistentVolumeClaim"]).Where(c => !c.Missing), c => Assert.Contains(c["claimName"].Text, claims));
    }

    [Theory]
    [MemberData(nameof(Workloads.ServiceNames), MemberType = typeof(Workloads))]
    public void Should_read_its_configuration_from_the_ConfigMap(string service)
    {
        var sources = Workloads.Container(Workloads.Deployment(service))["envFrom"].Items;
        Assert.Contains(sources, s => !s["configMapRef"].Missing && s["configMapRef"]["name"].Text == "iayos-config");
    }

    private static void AssertProbe(string service, string probe, string path)
    {
        var container = Workloads.Container(Workloads.Deployment(service));
        var get = container[probe]["httpGet"];
        Assert.False(get.Missing, $"{service} has no HTTP {probe}");
        Assert.Equal(path, get["path"].Text);
        Assert.Equal(8080, Workloads.ContainerPort(container, get["port"]));
    }

    /// <summary>How long a probe tolerates failures before it acts, in seconds.</summary>
    private static int Patience(YamlNode probe) =>
        (probe["periodSeconds"].Missing ? 10 : probe["periodSeconds"].Integer) * (probe["failureThreshold"].Missing ? 3 : probe["failureThreshold"].Integer);

    private static double Mebibytes(string quantity) => quantity switch
    {
        _ when quantity.EndsWith("Gi", StringComparison.Ordinal) => double.Parse(quantity[..^2], System.Globalization.CultureInfo.InvariantCulture) * 1024,
        _ when quantity.EndsWith("Mi", StringComparison.Ordinal) => double.Parse(quantity[..^2], System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"Unexpected memory quantity {quantity}; use Mi or Gi."),
    };
}
