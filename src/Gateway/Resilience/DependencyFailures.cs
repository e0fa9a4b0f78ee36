using System.Net.Sockets;
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

    // SQLSTATE classes of a database that is unreachable, restarting or out of connections, not of a bad statement.
    private static readonly string[] UnavailableSqlStates = ["08", "57P", "53300"];

    public static bool IsDependencyFailure(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return UnavailableSqlStates.Any(postgres.SqlState.StartsWith);
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException or TimeoutException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>The same judgement on a worker's fault, where only the exception types and SQLSTATE survive the wire.</summary>
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
                    && UnavailableSqlStates.Any(s => state?.ToString()?.StartsWith(s) == true))
                    return true;
            }
        }
        return false;
    }
}
