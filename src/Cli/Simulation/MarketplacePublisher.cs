using System.Diagnostics;
using MassTransit;

namespace iAyos.Messaging.Cli.Simulation;

/// <summary>How a publishing run went: <see cref="Published"/> events the broker confirmed, after
/// <see cref="Retries"/> publishes that failed (broker away, unconfirmed) and were tried again.</summary>
public sealed record PublishReport(int Published, TimeSpan Elapsed, int Retries = 0)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Published / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// How long one event is tried: delays double from <see cref="FirstDelay"/> up to <see cref="MaxDelay"/>,
/// each attempt given up after <see cref="AttemptTimeout"/>, the event given up after <see cref="Attempts"/>.
/// The default rides out a broker restart of a few minutes.
/// </summary>
public sealed record PublishRetry(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay, TimeSpan AttemptTimeout)
{
    public static readonly PublishRetry Default = new(60, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    public TimeSpan DelayBefore(int retry) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * (1L << Math.Min(retry - 1, 30))));
}

/// <summary>
/// Publishes upstream events (the cleaning marketplace's, iAyos's service jobs, any list) to the bus as their
/// concrete types, many at once. With several in flight consumers see them somewhat out of upstream order; that
/// is intended: the read models are order-independent, and the simulation doubles as a test of that.
/// </summary>
public static class MarketplacePublisher
{
    public const int DefaultMaxInFlight = 64;

    /// <summary>
    /// Publishes every event, at most <paramref name="maxInFlight"/> at a time, reporting the running count
    /// (not necessarily from one thread, nor strictly increasing) to <paramref name="progress"/>. Over RabbitMQ
    /// a publish completes when the broker confirms it (MassTransit turns publisher confirms on), so the count
    /// is what the broker has taken. A failed publish is tried again with backoff (<paramref name="retry"/>,
    /// default <see cref="PublishRetry.Default"/>): consumers are idempotent, so an event whose confirmation
    /// was lost may safely arrive twice. An event that fails every attempt stops the run and is thrown.
    /// </summary>
    public static Task<PublishReport> PublishAsync<TEvent>(
        IReadOnlyList<TEvent> events,
        IPublishEndpoint bus,
        IProgress<int>? progress,
        CancellationToken ct,
        int maxInFlight = DefaultMaxInFlight,
        PublishRetry? retry = null)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(bus);
        return PublishAsync(events, (evt, token) => bus.Publish(evt, evt.GetType(), token), progress, ct, maxInFlight, retry);
    }

    /// <summary>As above, through <paramref name="publish"/> (one event, completing when it is confirmed).</summary>
    public static async Task<PublishReport> PublishAsync<TEvent>(
        IReadOnlyList<TEvent> events,
        Func<TEvent, CancellationToken, Task> publish,
        IProgress<int>? progress,
        CancellationToken ct,
        int maxInFlight = DefaultMaxInFlight,
        PublishRetry? retry = null)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(publish);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        retry ??= PublishRetry.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(retry.Attempts, 1);

        var stopwatch = Stopwatch.StartNew();
        var published = 0;
        var retries = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxInFlight, CancellationToken = ct };
        // Parallel.ForEachAsync takes items in list order, so the bus sees roughly upstream order.
        await Parallel.ForEachAsync(events, options, async (evt, token) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(token);
                attemptCts.CancelAfter(retry.AttemptTimeout);
                try
                {
                    await publish(evt, attemptCts.Token);
                    break;
                }
                catch (Exception) when (!token.IsCancellationRequested && attempt < retry.Attempts)
                {
                    Interlocked.Increment(ref retries);
                    await Task.Delay(retry.DelayBefore(attempt), token);
                }
            }
            // Counted apart from the report: `progress?.Report(Increment(...))` would skip the count without progress.
            var confirmed = Interlocked.Increment(ref published);
            progress?.Report(confirmed);
        });
        stopwatch.Stop();
        return new PublishReport(published, stopwatch.Elapsed, retries);
    }
}
