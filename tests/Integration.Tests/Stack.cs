using System.Net;
using iAyos.Messaging.Gateway;
using iAyos.Messaging.Gateway.Resilience;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using Microsoft.Extensions.DependencyInjection;
namespace iAyos.Messaging.Integration.Tests;

/// <summary>
/// The processes the integration tests talk to, started once for the collection. Tests that need the
/// InferenceWorker gone stop it and the next test that needs it starts a fresh one.
/// </summary>
public sealed class Stack : IAsyncLifetime
{
    private InferenceWorkerHost? _inference;

    public GatewayHost Gateway { get; } = new();

    public TrainingWorkerHost Training { get; } = new();

    public ScoringWorkerHost Scoring { get; } = new();

    /// <summary>A client without a token, as predictions and recommendations are asked for.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>A client with an admin bearer token: training, activation, reload, recompute.</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>The running InferenceWorker, if any.</summary>
    public InferenceWorkerHost? Inference => _inference;

    public async Task InitializeAsync()
    {
        Gateway.StartServer();
        Training.StartServer();
        Scoring.StartServer();
        Http = Gateway.CreateClient();
        Admin = Gateway.CreateClient();
        Admin.DefaultRequestHeaders.Authorization = new("Bearer", GatewayHost.AdminToken());
        await EnsureInferenceRunningAsync();
    }

    /// <param name="batchingMode">Inference:Batching:Mode of the worker; one in another mode is replaced.</param>
    public async Task EnsureInferenceRunningAsync(string batchingMode = "Micro")
    {
        if (_inference is not null && _inference.BatchingMode == batchingMode)
            return;
        await StopInferenceAsync();
        _inference = new InferenceWorkerHost(batchingMode);
        _inference.StartServer();
        // The worker's queues are bound once its bus is up; /health/ready says so.
        using var client = _inference.CreateClient();
        var ready = await TestInfrastructure.EventuallyAsync(
            async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30));
        Assert.True(ready, "The InferenceWorker did not become ready.");
        // The Gateway's consumer watcher sees the worker's queues within one poll; until then it would answer itself.
        var breakers = Gateway.Services.GetRequiredService<CircuitBreakers>();
        var seen = await TestInfrastructure.EventuallyAsync(
            () => Task.FromResult(GatewayRegistration.ServedKinds.All(k => !breakers.For(k.Queue).AwaitingWorkers)), TimeSpan.FromSeconds(10));
        Assert.True(seen, "The Gateway did not see the InferenceWorker's consumers.");
    }

    /// <summary>
    /// Retires a kind's active version, as an operator would in the registry, and asks every InferenceWorker to
    /// reload: the running one goes back to the kind's estimator, so later tests see no model of it.
    /// </summary>
    public async Task RetireActiveVersionsAsync(string kind)
    {
        await using (var db = TestInfrastructure.Database())
        await using (var command = db.CreateCommand("UPDATE ml.model_versions SET status = 'retired' WHERE kind = $1 AND status = 'active'"))
        {
            command.Parameters.AddWithValue(kind);
            await command.ExecuteNonQueryAsync();
        }
        if (_inference is null) return;
        var models = _inference.Services.GetRequiredService<ActiveModels>();
        Assert.Equal(HttpStatusCode.Accepted, (await Admin.PostAsync("/api/ml/reload-model", null)).StatusCode);
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(models.Get(kind) is null), TimeSpan.FromSeconds(15)),
            $"The InferenceWorker still serves {kind} after the reload.");
    }

    public async Task StopInferenceAsync()
    {
        if (_inference is null)
            return;
        await _inference.DisposeAsync();
        _inference = null;
    }

    public async Task DisposeAsync()
    {
        await StopInferenceAsync();
        Http.Dispose();
        Admin.Dispose();
        await Gateway.DisposeAsync();
        await Training.DisposeAsync();
        await Scoring.DisposeAsync();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StackCollection : ICollectionFixture<Stack>
{
    public const string Name = "Real RabbitMQ and PostgreSQL";
}
