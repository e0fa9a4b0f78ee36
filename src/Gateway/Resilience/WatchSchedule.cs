namespace iAyos.Messaging.Gateway.Resilience;

/// <summary>
/// Which paths' consumer counts the <see cref="ConsumerWatcher"/> reads on a pass: a path in use
/// (<see cref="CircuitBreaker.InUse"/>) on every pass, every <see cref="CircuitBreakerOptions.WatchIntervalMs"/>; an idle
/// one once per <see cref="CircuitBreakerOptions.IdleWatchIntervalMs"/>, and on the pass a request to it wakes.
/// </summary>
public sealed class WatchSchedule(CircuitBreakers breakers, IReadOnlyList<string> queues, CircuitBreakerOptions options, TimeProvider clock)
{
    private readonly Dictionary<string, long> _lastRead = new(StringComparer.Ordinal);

    public List<string> Due()
    {
        var idle = TimeSpan.FromMilliseconds(options.IdleWatchIntervalMs);
        return [.. queues.Where(q => breakers.For(q).InUse || !_lastRead.TryGetValue(q, out var at) || clock.GetElapsedTime(at) >= idle)];
    }

    /// <summary>The watcher read the queue's consumer count (or learnt it does not exist).</summary>
    public void Read(string queue) => _lastRead[queue] = clock.GetTimestamp();
}
