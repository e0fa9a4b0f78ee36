namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

public class When_the_kustomization_is_read
{
    /// <summary>kustomize applies only what is listed: a manifest left out would silently not be deployed.</summary>
    [Theory]
    [InlineData(KubernetesManifests.Folder)]
    [InlineData(KubernetesManifests.Folder + "/infra")]
    public void Should_list_every_manifest_file_of_its_folder_and_no_other(string folder)
    {
        var onDisk = Directory.GetFiles(RepositoryFiles.PathOf(folder), "*.yaml")
            .Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml")
            .Order(StringComparer.Ordinal);
        var listed = KubernetesManifests.ReadDocuments(Path.Combine(folder, "kustomization.yaml")).Single()["resources"].Items.Select(r => r.Text);
        Assert.Equal(onDisk, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_keep_the_development_infrastructure_out_of_the_services_kustomization() =>
        Assert.DoesNotContain(KubernetesManifests.ListedFiles, f => f.StartsWith("infra", StringComparison.Ordinal));

    [Fact]
    public void Should_put_every_resource_in_the_iayos_namespace()
    {
        Assert.Equal("iayos", KubernetesManifests.Kustomization["namespace"].Text);
        Assert.Contains(KubernetesManifests.OfKind("Namespace"), n => n.Name == "iayos");
        Assert.All(KubernetesManifests.All, m =>
        {
            var ns = m.Root["metadata"]["namespace"];
            Assert.True(ns.Missing || ns.Text == "iayos", $"{m} sets namespace {ns.Value}");
        });
    }

    [Fact]
    public void Should_pin_the_image_of_every_container_in_one_place()
    {
        var pinned = KubernetesManifests.Kustomization["images"].Items.Select(i => i["name"].Text).ToHashSet();
        Assert.All(Workloads.Services, service =>
        {
            var image = Workloads.Container(Workloads.Deployment(service))["image"].Text;
            Assert.Equal($"iayos/{service}", image);
            Assert.Contains(image, pinned);
        });
    }

    [Fact]
    public void Should_deploy_each_of_the_four_services()
    {
        Assert.Equal(Workloads.Services.Order(), KubernetesManifests.OfKind("Deployment").Select(d => d.Name).Order());
        Assert.All(Workloads.Services, s => Assert.True(Directory.Exists(RepositoryFiles.PathOf("src", ToProjectFolder(s))), s));
    }

    private static string ToProjectFolder(string service) =>
        string.Concat(service.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
