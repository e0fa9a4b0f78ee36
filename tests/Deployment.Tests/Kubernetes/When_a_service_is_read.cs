namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

public class When_a_service_is_read
{
    public static IEnumerable<object[]> ServiceManifests => KubernetesManifests.OfKind("Service").Select(s => new object[] { s.Name });

    [Fact]
    public void Should_exist_for_each_deployment() =>
        Assert.Equal(Workloads.Services.Order(), KubernetesManifests.OfKind("Service").Select(s => s.Name).Order());

    [Theory]
    [MemberData(nameof(ServiceManifests))]
    public void Should_select_the_pods_of_exactly_one_deployment(string name)
    {
        var selector = KubernetesManifests.Single("Service", name).Root["spec"]["selector"].Entries;
        Assert.NotEmpty(selector);
        var selected = KubernetesManifests.OfKind("Deployment").Where(d => Selects(selector, Workloads.PodLabels(d).Entries)).ToList();
        Assert.Single(selected);
    }

    [Theory]
    [MemberData(nameof(ServiceManifests))]
    public void Should_target_a_port_the_selected_container_declares(string name)
    {
        var service = KubernetesManifests.Single("Service", name).Root;
        var deployment = KubernetesManifests.OfKind("Deployment").Single(d => Selects(service["spec"]["selector"].Entries, Workloads.PodLabels(d).Entries));
        var container = Workloads.Container(deployment);
        Assert.All(service["spec"]["ports"].Items, p =>
            Assert.NotNull(Workloads.ContainerPort(container, p.Has("targetPort") ? p["targetPort"] : p["port"])));
    }

    private static bool Selects(IReadOnlyDictionary<string, YamlNode> selector, IReadOnlyDictionary<string, YamlNode> labels) =>
        selector.All(kv => labels.TryGetValue(kv.Key, out var v) && v.Text == kv.Value.Text);
}
