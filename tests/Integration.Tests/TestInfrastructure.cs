using iAyos.Messaging.Platform.Bus;
using Npgsql;
using RabbitMQ.Client;

namespace iAyos.Messaging.Integration.Tests;

/// <summary>The real PostgreSQL and RabbitMQ that scripts/test.sh started, named by its environment.</summary>
public static class TestInfrastructure
{
    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? throw new InvalidOperationException(
            "ConnectionStrings__Postgres is not set: run the integration tests through scripts/test.sh, which starts PostgreSQL and RabbitMQ.");

    public static RabbitMqOptions RabbitMq => new()
    {
        Host = Environment.GetEnvironmentVariable("RabbitMq__Host")
            ?? throw new InvalidOperationException("RabbitMq__Host is not set: run the integration tests through scripts/test.sh."),
        Port = ushort.Parse(Environment.GetEnvironmentVariable("RabbitMq__Port") ?? "5672"),
        VirtualHost = Environment.GetEnvironmentVariable("RabbitMq__VirtualHost") ?? "/",
        Username = Environment.GetEnvironmentVariable("RabbitMq__Username") ?? "guest",
        Password = Environment.GetEnvironmentVariable("RabbitMq__Password") ?? "guest",
    };

    /// <summary>Model artifacts of this test run.</summary>
    public static readonly string ArtifactsDirectory = Directory.CreateTempSubdirectory("iayos-artifacts-").FullName;

    /// <summary>The TrainingWorker's data directory for this run: links to ../shared/data's files, beside which tests
    /// write the data they generate (trust profiles), so nothing is written into ../shared.</summary>
    public static readonly string DataDirectory = LinkedDataDirectory();

    private static string LinkedDataDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("iayos-data-").FullName;
        var shared = iAyos.Messaging.Training.Tests.PriceModel.SharedData.Directory;
        foreach (var entry in Directory.EnumerateFileSystemEntries(shared))
        {
            var link = Path.Combine(directory, Path.GetFileName(entry));
            if (Directory.Exists(entry)) Directory.CreateSymbolicLink(link, entry);
            else File.CreateSymbolicLink(link, entry);
        }
        return directory;
    }

    public static NpgsqlDataSource Database() => NpgsqlDataSource.Create(PostgresConnectionString);

    public static Task<IConnection> BrokerAsync()
    {
        var o = RabbitMq;
        return new ConnectionFactory { HostName = o.Host, Port = o.Port, VirtualHost = o.VirtualHost, UserName = o.Username, Password = o.Password }
            .CreateConnectionAsync();
    }

    /// <summary>Polls until the condition holds or the time is up; returns whether it held.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }
        return await condition();
    }

    /// <summary>Looks for a message in an error queue, leaving every message there (read unacknowledged, channel closed).</summary>
    public static async Task<BasicGetResult?> FindInErrorQueueAsync(string errorQueue, string messageId)
    {
        await using var broker = await BrokerAsync();
        BasicGetResult? found = null;
        await EventuallyAsync(async () =>
        {
            await using var channel = await broker.CreateChannelAsync();
            try
            {
                for (var message = await channel.BasicGetAsync(errorQueue, autoAck: false);
                     message is not null;
                     message = await channel.BasicGetAsync(errorQueue, autoAck: false))
                {
                    if (message.BasicProperties.MessageId == messageId)
                        found = message;
                }
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // The error queue is declared on the first fault.
            }
            return found is not null;
        }, TimeSpan.FromSeconds(15));
        return found;
    }
}
