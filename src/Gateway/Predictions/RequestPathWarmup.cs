using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Predictions.Models;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>
/// Sends one status request as the Gateway starts, and reports not-ready until it has come back (answered
/// or timed out). MassTransit sets up the response path on the first request; a burst of first requests on
/// a cold process starved the thread pool and hung the Gateway for good (measured: 200 req/s from cold),
/// while one request first makes the same burst run at p99 ~40 ms. Readiness keeps traffic away until then.
/// </summary>
public sealed class RequestPathWarmup(IServiceScopeFactory scopes, InferenceCaller caller, ModelKindCatalog kinds, ILogger<RequestPathWarmup> logger)
    : IHostedService, IHealthCheck
{
    private volatile bool _warm;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<GetModelStatus>>();
        var outcome = await caller.AskDirectAsync<GetModelStatus, ModelStatus>(client, new GetModelStatus { Kind = kinds.Predicted[0].Name });
        _warm = true;
        logger.LogInformation("Request path warmed up ({Outcome})", outcome.GetType().Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_warm ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The request path to the workers is still warming up."));
}
