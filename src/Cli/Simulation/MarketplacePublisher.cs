using System.Diagnostics;
using iAyos.Messaging.Contracts.Marketplace;
using MassTransit;

namespace iAyos.Messaging.Cli.Simulation;

/// <summary>How a publishing run went.</summary>
public sealed record PublishReport(int Published, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Published / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Publishes marketplace events to the bus as their concrete types, many at once. With several in flight
/// consumers see them somewhat out of upstream order; that is intended: the read model is order-independent
/// (later OccurredAt wins), and the simulation doubles as a test of that.
/// </summary>
public static class MarketplacePublisher
{
    public const int DefaultMaxInFlight = 64;

    /// <summary>
    /// Publishes every event, at most <paramref name="maxInFlight"/> at a time, reporting the running count
    /// (not necessarily from one thread, nor strictly increasing) to <paramref name="progress"/>. The first
    /// failure stops the run and is thrown.
    /// </summary>
    public static async Task<PublishReport> PublishAsync(
        IReadOnlyList<IMarketplaceEvent> events,
        IPublishEndpoint bus,
        IProgress<int>? progress,
        CancellationToken ct,
        int maxInFlight = DefaultMaxInFlight)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);

        var stopwatch = Stopwatch.StartNew();
        var published = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxInFlight, CancellationToken = ct };
        // Parallel.ForEachAsync takes items in list order, so the bus sees roughly upstream order.
        await Parallel.ForEachAsync(events, options, async (evt, token) =>
        {
            await bus.Publish(evt, evt.GetType(), token);
            progress?.Report(Interlocked.Increment(ref published));
        });
        stopwatch.Stop();
        return new PublishReport(published, stopwatch.Elapsed);
    }
}
