using System.Diagnostics.Metrics;
using iAyos.Messaging.Platform.Metrics;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Resilience;

/// <summary>One breaker per request path, keyed by the queue the path's requests go to; their states are the gauge <see cref="CircuitMetrics.StateName"/>.</summary>
public sealed class CircuitBreakers
{
    private readonly Dictionary<string, CircuitBreaker> _byQueue = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly IOptions<CircuitBreakerOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<CircuitBreakers> _logger;
    private readonly SemaphoreSlim _idlePathUsed = new(0, 1);

    public CircuitBreakers(IOptions<CircuitBreakerOptions> options, TimeProvider clock, ILogger<CircuitBreakers> logger, IMeterFactory meters)
    {
        _options = options;
        _clock = clock;
        _logger = logger;
        CircuitMetrics.Observe(meters, () => All.Select(b => (b.Path, b.StateName)), () => All.Select(b => (b.Path, b.AwaitingWorkers)));
    }

    /// <summary>The breaker of a queue, made on first use.</summary>
    public CircuitBreaker For(string queue)
    {
        lock (_lock)
        {
            if (!_byQueue.TryGetValue(queue, out var breaker))
                _byQueue[queue] = breaker = new CircuitBreaker(queue, _options.Value, _clock, _logger, SignalIdlePathUsed);
            return breaker;
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/>, less when a request comes to an idle path (the watcher's pause between polls).</summary>
    /// <returns>Whether a request woke it.</returns>
    public Task<bool> WaitForIdlePathUseAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _idlePathUsed.WaitAsync(timeout, cancellationToken);

    private void SignalIdlePathUsed()
    {
        // One pending signal is enough: the watcher reads every path that is due when it wakes.
        try
        {
            if (_idlePathUsed.CurrentCount == 0)
                _idlePathUsed.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another request signalled first.
        }
    }

    /// <summary>Every breaker made so far.</summary>
    public IReadOnlyList<CircuitBreaker> All
    {
        get { lock (_lock) return [.. _byQueue.Values]; }
    }
}
