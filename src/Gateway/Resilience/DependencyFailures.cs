using iAyos.Messaging.Platform.Bus;
using MassTransit;
using Npgsql;

namespace iAyos.Messaging.Gateway.Resilience;

/// <summary>
/// Tells an outage of a dependency (PostgreSQL, the network) from a failure of the request itself: the first is a
/// 503 with Retry-After (ask again later, nothing is wrong with the request), the second a 5xx to investigate.
/// </summary>
public static class DependencyFailures
{
    /// <summary>How long a client should wait before retrying a request that met an outage.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// <see cref="TransientFailures.IsTransient"/>'s judgement (the one the Gateway applies to its own exceptions)
    /// on a worker's fault, where only the exception types and SQLSTATE survive the wire.
    /// </summary>
    public static bool IsDependencyFault(Fault? fault)
    {
        foreach (var top in fault?.Exceptions ?? [])
        {
            for (var e = top; e is not null; e = e.InnerException)
            {
                if (e.ExceptionType is "Npgsql.NpgsqlException" or "System.Net.Sockets.SocketException" or "System.TimeoutException")
                    return true;
                if (e.ExceptionType == "Npgsql.PostgresException"
                    && e.Data?.TryGetValue(nameof(PostgresException.SqlState), out var state) == true
                    && TransientFailures.IsTransientSqlState(state?.ToString()))
                    return true;
            }
        }
        return false;
    }
}
