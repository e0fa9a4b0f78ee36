namespace iAyos.Messaging.Deployment.Tests;

public class When_the_repository_is_located
{
    [Fact]
    public void Should_find_the_service_projects()
    {
        foreach (var service in new[] { "Gateway", "InferenceWorker", "TrainingWorker", "ScoringWorker" })
            Assert.True(File.Exists(RepositoryFiles.PathOf("src", service, $"iAyos.Messaging.{service}.csproj")), service);
    }
}
