using RabbitMQ.Client;

namespace iAyos.Messaging.Platform.Bus;

/// <summary>Bound from the <c>RabbitMq</c> configuration section (env: <c>RabbitMq__Host</c>, ...).</summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    /// <summary>From configuration only: no default account (scripts/up.sh makes one and deletes <c>guest</c>).</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>A connection factory of our own beside MassTransit's (health probes, the Gateway's consumer watcher).</summary>
    public ConnectionFactory NewConnectionFactory(string clientName, TimeSpan timeout) => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = Username,
        Password = Password,
        RequestedConnectionTimeout = timeout,
        HandshakeContinuationTimeout = timeout,
        ClientProvidedName = clientName,
    };
}
