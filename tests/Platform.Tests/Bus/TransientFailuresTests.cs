using System.Net.Sockets;
using System.Runtime.Serialization;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using MassTransit;
using MassTransit.RabbitMqTransport;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace iAyos.Messaging.Platform.Tests.Bus;

public class TransientFailuresTests
{
    private static PostgresException Postgres(string sqlState) => new("server says no", "ERROR", "ERROR", sqlState);

    private static SocketException Refused() => new((int)SocketError.ConnectionRefused);

    public static TheoryData<string, Exception> DependencyDown => new()
    {
        { "connection refused while opening", new NpgsqlException("Failed to connect to 127.0.0.1:5432", Refused()) },
        { "connection dropped while reading", new NpgsqlException("Exception while reading from stream", new EndOfStreamException()) },
        { "I/O error on the socket", new NpgsqlException("Exception while writing to stream", new IOException("Broken pipe")) },
        { "command or pool timeout", new NpgsqlException("The connection pool has been exhausted", new TimeoutException()) },
        { "08006 connection failure", Postgres("08006") },
        { "08001 cannot establish", Postgres("08001") },
        { "57P01 admin shutdown", Postgres("57P01") },
        { "57P02 crash shutdown", Postgres("57P02") },
        { "57P03 starting up", Postgres("57P03") },
        { "53300 too many connections", Postgres("53300") },
        { "40P01 deadlock", Postgres("40P01") },
        { "40001 serialization failure", Postgres("40001") },
        { "a bare timeout", new TimeoutException() },
        { "a bare socket error", Refused() },
        { "broker unreachable", new BrokerUnreachableException(new IOException("connection refused")) },
        { "broker closed the channel", new AlreadyClosedException(new ShutdownEventArgs(ShutdownInitiator.Peer, 320, "CONNECTION_FORCED")) },
        { "broker resource alarm", new OperationInterruptedException(new ShutdownEventArgs(ShutdownInitiator.Peer, 506, "RESOURCE_ERROR")) },
        { "connection lost under the client", new AlreadyClosedException(new ShutdownEventArgs(ShutdownInitiator.Library, 541, "Unexpected Exception")) },
        { "MassTransit's RabbitMQ connection", new RabbitMqConnectionException("Connect failed") },
        { "MassTransit's transport unavailable", new TransportUnavailableException("Message ACK failed") },
        { "wrapped by the consumer", new InvalidOperationException("applying the event failed", new NpgsqlException("Failed to connect", Refused())) },
        { "inside an aggregate", new AggregateException(new ArgumentException("unrelated"), Postgres("57P03")) },
    };

    public static TheoryData<string, Exception> MessageOrCodeAtFault => new()
    {
        { "invalid values", new InvalidRequestException(new Dictionary<string, string[]> { ["amount"] = ["must be positive."] }) },
        { "23505 unique violation", Postgres("23505") },
        { "22P02 invalid text", Postgres("22P02") },
        { "42P01 missing table", Postgres("42P01") },
        { "57P04 database dropped", Postgres("57P04") },
        { "28P01 wrong password", Postgres("28P01") },
        { "Npgsql with no transient cause", new NpgsqlException("Unknown message code") },
        { "a queue that does not exist", new OperationInterruptedException(new ShutdownEventArgs(ShutdownInitiator.Peer, 404, "NOT_FOUND - no queue 'x'")) },
        { "a refused queue argument", new OperationInterruptedException(new ShutdownEventArgs(ShutdownInitiator.Peer, 406, "PRECONDITION_FAILED")) },
        { "an unparseable body", new SerializationException("An exception occurred while deserializing the message envelope") },
        { "a bug", new NullReferenceException() },
        { "an argument out of range", new ArgumentOutOfRangeException("epochs") },
        { "shutting down", new OperationCanceledException() },
        { "a plain I/O error outside the database client", new IOException("disk full") },
    };

    [Theory]
    [MemberData(nameof(DependencyDown))]
    public void A_dependency_that_is_down_or_restarting_is_transient(string because, Exception exception) =>
        Assert.True(TransientFailures.IsTransient(exception), because);

    [Theory]
    [MemberData(nameof(MessageOrCodeAtFault))]
    public void A_message_or_code_at_fault_is_not_transient(string because, Exception exception) =>
        Assert.False(TransientFailures.IsTransient(exception), because);
}
