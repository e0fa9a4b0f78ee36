using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Resilience;

/// <summary>One breaker per request path, keyed by the queue the path's requests go to.</summary>
public sealed class CircuitBreakers(IOptions<CircuitBreakerOptions> options, TimeProvider clock, ILogger<CircuitBreakers> logger)
{
    private readonly Dictionary<string, CircuitBreaker> _byQueue = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The breaker of a queue, made on first use.</summary>
    public CircuitBreaker For(string queue)
    {
        lock (_lock)
        {
            if (!_byQueue.TryGetValue(queue, out var breaker))
                _byQueue[queue] = breaker = new CircuitBreaker(queue, options.Value, clock, logger);
            return breaker;
        }
    }

    /// <summary>Every breaker made so far.</summary>
    public IReadOnlyList<CircuitBreaker> All
    {
        get { lock (_lock) return [.. _byQueue.Values]; }
    }
}
