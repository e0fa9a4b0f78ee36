using RabbitMQ.Client;

namespace iAyos.Messaging.Integration.Tests.Faults;

/// <summary>
/// Tests that start their own hosts behind a <see cref="CuttableProxy"/>. Not in parallel with anything (nor
/// with the <see cref="Stack"/>, whose hosts would consume the same queues and hide the outage).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Dependency outages";

    /// <summary>How long PostgreSQL stays cut: longer than every retry, long enough for the endpoints to pause.</summary>
    public static readonly TimeSpan Outage = TimeSpan.FromSeconds(32);

    /// <summary>By then every backoff retry of a message delivered at the cut (about 11 s) is spent.</summary>
    public static readonly TimeSpan RetriesSpent = TimeSpan.FromSeconds(15);

    /// <summary>Starts a host and waits until it is ready (PostgreSQL, the broker and its bus).</summary>
    public static async Task StartAsync<T>(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<T> host) where T : class
    {
        host.StartServer();
        using var client = host.CreateClient();
        var ready = await TestInfrastructure.EventuallyAsync(
            async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(60));
        Assert.True(ready, $"{typeof(T).Assembly.GetName().Name} did not become ready.");
    }

    /// <summary>How many consumers the queue has now (0 while its endpoint is paused).</summary>
    public static async Task<uint> ConsumersAsync(string queue)
    {
        await using var broker = await TestInfrastructure.BrokerAsync();
        await using var channel = await broker.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
    }
}
