using iAyos.Messaging.Platform.Bus;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace iAyos.Messaging.Platform.Health;

/// <summary>
/// Opens an AMQP connection of its own: MassTransit's bus check can say healthy for a publish-only bus
/// while the broker is down. One probe runs at a time and its answer is shared for a few seconds, so
/// frequent probes neither churn connections nor pile up behind a slow broker.
/// </summary>
public sealed class BrokerHealthCheck(RabbitMqOptions options, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private readonly Lock _lock = new();
    private Task<HealthCheckResult>? _probe;
    private DateTimeOffset _probeStartedAt;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<HealthCheckResult> probe;
        lock (_lock)
        {
            if (_probe is null || clock.GetUtcNow() - _probeStartedAt > CacheFor)
            {
                _probeStartedAt = clock.GetUtcNow();
                _probe = ProbeAsync();
            }
            probe = _probe;
        }
        try
        {
            return await probe.WaitAsync(ProbeTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"RabbitMQ did not answer within {ProbeTimeout.TotalSeconds} s.");
        }
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        var factory = options.NewConnectionFactory("health-check", ProbeTimeout);
        try
        {
            await using var connection = await factory.CreateConnectionAsync();
            return connection.IsOpen
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("RabbitMQ connection did not open.");
        }
        catch (Exception ex)
        {
            // Served over HTTP: the address stays in the exception, which goes to the log.
            return HealthCheckResult.Unhealthy($"RabbitMQ is not reachable ({ex.GetType().Name}).", ex);
        }
    }
}
