using System.Net;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.WorkerRating;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_a_model_is_activated_every_instance_loads_it(Stack stack) : IAsyncLifetime
{
    /// <summary>A real kind (the Gateway only activates kinds the platform serves); retired again after the test.</summary>
    private const string Kind = WorkerRatingKind.KindName;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => stack.RetireActiveVersionsAsync(Kind);

    [Fact]
    public async Task Should_switch_both_instances_and_keep_serving_when_a_version_fails_to_load()
    {
        await stack.EnsureInferenceRunningAsync();
        await using var second = new InferenceWorkerHost();
        second.StartServer();
        using (var client = second.CreateClient())
            Assert.True(await TestInfrastructure.EventuallyAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30)));
        ActiveModels[] instances = [stack.Inference!.Services.GetRequiredService<ActiveModels>(), second.Services.GetRequiredService<ActiveModels>()];

        await using var db = TestInfrastructure.Database();
        var registry = new ModelRegistry(db);
        var good = await RegisterAsync(registry, Doubler());
        var activated = await stack.Admin.PostAsync($"/api/models/{Kind}/{good}/activate", null);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);

        // One activation, every instance switches (fan-out, not competing consumers) and the model runs.
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(instances.All(i => i.Get(Kind)?.Version == good)), TimeSpan.FromSeconds(15)));
        var output = instances[1].Get(Kind)!.Session.Run("x", new Onnx.Runtime.OnnxTensor([1.5f, -2f], 1, 2))[0].Data;
        Assert.Equal([3f, -4f], output);

        // A version whose bytes match its checksum but are not a model: refused on load, v-good keeps serving.
        var broken = await RegisterAsync(registry, "not an onnx model"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, (await stack.Admin.PostAsync($"/api/models/{Kind}/{broken}/activate", null)).StatusCode);
        await Task.Delay(2000);
        Assert.All(instances, i => Assert.Equal(good, i.Get(Kind)?.Version));
    }

    private static byte[] Doubler() => new OnnxGraphBuilder("doubler").AddInput("x", null, 2).AddInitializer("two", [2f], 1)
        .AddNode("Mul", ["x", "two"], ["y"]).AddOutput("y", null, 2).ToModelBytes();

    private static async Task<int> RegisterAsync(ModelRegistry registry, byte[] artifact)
    {
        var name = $"{Kind}-{Guid.NewGuid():N}.onnx";
        var path = Path.Combine(TestInfrastructure.ArtifactsDirectory, name);
        await File.WriteAllBytesAsync(path, artifact);
        var sha = await ModelArtifacts.Sha256Async(path, CancellationToken.None);
        return await registry.RegisterAsync(new ModelVersionDraft(Kind, name, sha, "{}", "{}", "test"), CancellationToken.None);
    }
}
