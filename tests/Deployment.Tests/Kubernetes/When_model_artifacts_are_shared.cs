namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

public class When_model_artifacts_are_shared
{
    /// <summary>Who reads artifacts: the Gateway (sha256 before activation) and the workers that load models.</summary>
    public static TheoryData<string, bool> ArtifactUsers => new()
    {
        { "gateway", true },
        { "inference-worker", true },
        { "scoring-worker", true },
        { "training-worker", false },
    };

    [Theory]
    [MemberData(nameof(ArtifactUsers))]
    public void Should_mount_the_artifacts_directory_from_the_shared_claim(string service, bool readOnly)
    {
        var deployment = Workloads.Deployment(service);
        var path = Workloads.ConfigMap()["Models__ArtifactsDirectory"];
        var mount = Workloads.MountOf(Workloads.Container(deployment), path);
        Assert.NotNull(mount);
        Assert.Equal("iayos-models", Workloads.Volume(deployment, mount["name"].Text)["persistentVolumeClaim"]["claimName"].Text);
        Assert.Equal(readOnly, mount.Has("readOnly") && mount["readOnly"].Text == "true");
    }

    [Theory]
    [InlineData("Training__DataDirectory")]
    [InlineData("Training__CheckpointDirectory")]
    public void Should_put_the_training_directories_on_the_shared_training_claim(string setting)
    {
        var deployment = Workloads.Deployment("training-worker");
        var mount = Workloads.MountOf(Workloads.Container(deployment), Workloads.ConfigMap()[setting]);
        Assert.NotNull(mount);
        Assert.Equal("iayos-training", Workloads.Volume(deployment, mount["name"].Text)["persistentVolumeClaim"]["claimName"].Text);
    }

    /// <summary>Replicas of several Deployments on different nodes mount the same files.</summary>
    [Theory]
    [InlineData("iayos-models")]
    [InlineData("iayos-training")]
    public void Should_be_mountable_from_many_nodes_at_once(string claim) =>
        Assert.Equal(["ReadWriteMany"], KubernetesManifests.Single("PersistentVolumeClaim", claim).Root["spec"]["accessModes"].Items.Select(m => m.Text));
}
