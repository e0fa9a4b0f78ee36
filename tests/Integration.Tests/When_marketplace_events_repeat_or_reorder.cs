using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.Cli.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_marketplace_events_repeat_or_reorder(Stack stack)
{
    [Fact]
    public async Task Should_end_in_the_same_rows_as_one_in_order_delivery()
    {
        var market = MarketplaceGenerator.Generate(new MarketplaceSpec(Jobs: 300, Cleaners: 30, Clients: 60, Seed: 7, MarketplaceReplay.AsOf));
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();

        // One delivery, in upstream order, one event at a time.
        await MarketplaceReplay.ResetAsync(connection);
        await PublishInOrderAsync(market.Events, connection);
        await MarketplaceReplay.RecomputeAsync(stack, connection, cleaners: 30);
        var inOrder = await MarketplaceReplay.SnapshotAsync(connection);

        // Every event twice, shuffled across aggregates and lifecycle steps alike.
        await MarketplaceReplay.ResetAsync(connection);
        var twiceShuffled = market.Events.Concat(market.Events).OrderBy(_ => Random.Shared.Next()).ToList();
        await MarketplaceReplay.PublishAndWaitAsync(stack, twiceShuffled, market.Events, connection, TimeSpan.FromMinutes(5));
        await MarketplaceReplay.RecomputeAsync(stack, connection, cleaners: 30);
        var replayed = await MarketplaceReplay.SnapshotAsync(connection);

        Assert.True(inOrder.Count > 1000, $"the snapshot should hold the marketplace ({inOrder.Count} rows)");
        Assert.Equal(inOrder, replayed);
    }

    private async Task PublishInOrderAsync(IReadOnlyList<IMarketplaceEvent> events, Npgsql.NpgsqlConnection connection)
    {
        // maxInFlight 1: each publish is confirmed before the next, and the ScoringWorker's queue is FIFO;
        // its concurrent consumers may still overlap neighbours, which the read model must tolerate anyway.
        var bus = stack.Gateway.Services.GetRequiredService<MassTransit.IBus>();
        await MarketplacePublisher.PublishAsync(events, bus, progress: null, CancellationToken.None, maxInFlight: 1);
        await MarketplaceReplay.PublishAndWaitAsync(stack, [], events, connection, TimeSpan.FromMinutes(5));
    }
}
