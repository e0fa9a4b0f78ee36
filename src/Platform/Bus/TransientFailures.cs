using System.Net.Sockets;
using iAyos.Messaging.Contracts.Validation;
using MassTransit;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace iAyos.Messaging.Platform.Bus;

/// <summary>
/// Tells a failure of a dependency (PostgreSQL or the broker down, restarting, overloaded or slow), which
/// waiting cures, from a failure of the message or of the code, which waiting does not. Transient failures
/// make a consumer wait for the dependency instead of dead-lettering the message.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception)
    {
        // A message with invalid values stays invalid, whatever it wraps.
        if (exception is InvalidRequestException)
            return false;
        return Causes(exception).Any(IsTransientItself);
    }

    /// <summary>PostgreSQL error codes (SQLSTATE) that say the server, not the statement, is at fault.</summary>
    public static bool IsTransientSqlState(string? sqlState) => sqlState switch
    {
        null => false,
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => true, // connection exception
        _ when sqlState.StartsWith("53", StringComparison.Ordinal) => true, // insufficient resources: too many connections, out of memory, disk full
        "57P01" or "57P02" or "57P03" => true,                              // admin shutdown, crash shutdown, cannot connect now (starting up)
        "57P05" => true,                                                    // idle session timeout
        "40001" or "40P01" => true,                                         // serialization failure, deadlock: the retry resolves it
        "58000" or "58030" => true,                                         // system error, I/O error on the server
        _ => false,
    };

    private static bool IsTransientItself(Exception exception) => exception switch
    {
        // Judged by its code alone: a constraint violation or a syntax error is not cured by waiting.
        PostgresException postgres => IsTransientSqlState(postgres.SqlState),
        // Npgsql's own judgement: broken or refused connections (socket, I/O, timeout inside), an exhausted pool.
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException or TimeoutException => true,
        // The broker: unreachable, connection or channel closed under us, MassTransit waiting for its transport.
        BrokerUnreachableException or ConnectFailureException => true,
        OperationInterruptedException interrupted => !IsClientError(interrupted.ShutdownReason?.ReplyCode),
        ConnectionException or TransportUnavailableException or RequestTimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// AMQP reply codes that say the client asked for something wrong (a missing queue, a refused argument, a
    /// malformed frame): waiting does not cure them. Forced closes, internal errors and resource alarms do.
    /// </summary>
    private static bool IsClientError(ushort? replyCode) =>
        replyCode is 311 or 403 or 404 or 406 or 501 or 502 or 503 or 504 or 505 or 530 or 540;

    /// <summary>The exception, the exceptions it wraps, and those of an aggregate.</summary>
    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                    pending.Push(inner);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
