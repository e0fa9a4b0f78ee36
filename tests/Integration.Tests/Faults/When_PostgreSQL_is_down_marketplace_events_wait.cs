using System.Diagnostics;
using System.Text;
using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Marketplace;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Xunit.Abstractions;

namespace iAyos.Messaging.Integration.Tests.Faults;

/// <summary>The ScoringWorker with PostgreSQL behind a proxy that the test cuts, as if PostgreSQL were killed.</summary>
[Collection(FaultsCollection.Name)]
public class When_PostgreSQL_is_down_marketplace_events_wait(ITestOutputHelper output)
{
    private const string ErrorQueue = QueueNames.MarketplaceEvents + "_error";

    [Fact]
    public async Task Should_pause_dead_letter_nothing_and_apply_every_event_once_it_is_back()
    {
        var (proxy, connectionString) = CuttableProxy.ForPostgres();
        await using var _ = proxy;
        await using var scoring = new ScoringWorkerHost(connectionString);
        await FaultsCollection.StartAsync(scoring);
        var bus = scoring.Services.GetRequiredService<IBus>();
        var firstId = 7_000_000_000L + Random.Shared.Next(1_000_000) * 100L;
        var clientIds = Enumerable.Range(0, 20).Select(i => firstId + i).ToArray();
        var cleanerIds = Enumerable.Range(50, 10).Select(i => firstId + i).ToArray();
        var ids = clientIds.Concat(cleanerIds).Select(id => id.ToString()).ToArray();
        await using var db = TestInfrastructure.Database();
        await using var direct = await db.OpenConnectionAsync();

        var outage = Stopwatch.StartNew();
        proxy.Cut();
        foreach (var id in clientIds)
            await bus.Publish(new ClientRegistered { EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, ClientId = id, DisplayName = $"Client {id}" });
        foreach (var id in cleanerIds)
            await bus.Publish(new CleanerRegistered
            {
                EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, CleanerId = id, DisplayName = $"Cleaner {id}",
                HourlyRate = 20, Latitude = 37.98, Longitude = 23.73,
            });

        await Task.Delay(FaultsCollection.RetriesSpent);
        Assert.Empty(await DeadLetteredAsync(ids));
        Assert.Equal(0, await AppliedAsync(direct, clientIds, cleanerIds));
        var paused = await TestInfrastructure.EventuallyAsync(
            async () => await FaultsCollection.ConsumersAsync(QueueNames.MarketplaceEvents) == 0, FaultsCollection.Outage - outage.Elapsed);
        Assert.True(paused, "the kill switch should stop the endpoint while PostgreSQL is down");
        var pausedAt = outage.Elapsed;
        if (FaultsCollection.Outage > outage.Elapsed)
            await Task.Delay(FaultsCollection.Outage - outage.Elapsed);
        Assert.Empty(await DeadLetteredAsync(ids));
        proxy.Restore();
        var restored = Stopwatch.StartNew();

        var applied = await TestInfrastructure.EventuallyAsync(
            async () => await AppliedAsync(direct, clientIds, cleanerIds) == ids.Length, TimeSpan.FromSeconds(90));
        output.WriteLine($"PostgreSQL cut {outage.Elapsed - restored.Elapsed:mm\\:ss\\.f}; endpoint paused by {pausedAt:mm\\:ss\\.f}; " +
                         $"all {ids.Length} events applied {restored.Elapsed.TotalSeconds:F1} s after it was back");
        Assert.True(applied, $"{await AppliedAsync(direct, clientIds, cleanerIds)} of {ids.Length} events applied");
        var scored = await TestInfrastructure.EventuallyAsync(async () =>
            await direct.ExecuteScalarAsync<int>("SELECT count(*) FROM scoring.cleaner_scores WHERE cleaner_id = ANY(@cleanerIds)", new { cleanerIds }) == cleanerIds.Length,
            TimeSpan.FromSeconds(30));
        Assert.True(scored, "the score refresher should rescore the cleaners once PostgreSQL is back");
        Assert.Empty(await DeadLetteredAsync(ids));
        Assert.True(proxy.Accepted > 0);
    }

    [Fact]
    public async Task Should_still_dead_letter_an_invalid_event_and_an_unparseable_one_with_their_reasons()
    {
        var (proxy, connectionString) = CuttableProxy.ForPostgres();
        await using var _ = proxy;
        await using var scoring = new ScoringWorkerHost(connectionString);
        await FaultsCollection.StartAsync(scoring);
        var bus = scoring.Services.GetRequiredService<IBus>();
        var invalidId = NewId.NextGuid();
        var unparseableId = Guid.NewGuid().ToString();

        await bus.Publish(new CleanerRegistered
        {
            EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, CleanerId = 6_999_999_999, DisplayName = "Negative",
            HourlyRate = -5, Latitude = 37.98, Longitude = 23.73,
        }, c => c.MessageId = invalidId);
        await using (var broker = await TestInfrastructure.BrokerAsync())
        await using (var channel = await broker.CreateChannelAsync())
        {
            await channel.BasicPublishAsync("", QueueNames.MarketplaceEvents, mandatory: false,
                new BasicProperties { MessageId = unparseableId, ContentType = "application/vnd.masstransit+json", Persistent = true },
                Encoding.UTF8.GetBytes("{ this is not json"));
        }

        var invalid = await TestInfrastructure.FindInErrorQueueAsync(ErrorQueue, invalidId.ToString());
        Assert.NotNull(invalid);
        Assert.Contains("hourly_rate", Encoding.UTF8.GetString((byte[])invalid.BasicProperties.Headers!["MT-Fault-Message"]!));
        var unparseable = await TestInfrastructure.FindInErrorQueueAsync(ErrorQueue, unparseableId);
        Assert.NotNull(unparseable);
        Assert.True(unparseable.BasicProperties.Headers!.ContainsKey("MT-Reason"), "the error queue keeps the reason");
    }

    private static async Task<IReadOnlyList<PeekedMessage>> DeadLetteredAsync(string[] ids) =>
        (await QueuePeek.AllAsync(ErrorQueue)).Where(m => ids.Any(id => m.Body.Contains(id, StringComparison.Ordinal))).ToList();

    private static Task<int> AppliedAsync(Npgsql.NpgsqlConnection connection, long[] clientIds, long[] cleanerIds) =>
        connection.ExecuteScalarAsync<int>("""
            SELECT (SELECT count(*) FROM marketplace.clients WHERE id = ANY(@clientIds))
                 + (SELECT count(*) FROM marketplace.cleaners WHERE id = ANY(@cleanerIds))
            """, new { clientIds, cleanerIds });
}
