using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace iAyos.Messaging.Platform.Health;

public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            // The description is served over HTTP: the address and user stay in the exception, which goes to the log.
            return HealthCheckResult.Unhealthy($"PostgreSQL is not reachable ({ex.GetType().Name}).", ex);
        }
    }
}
