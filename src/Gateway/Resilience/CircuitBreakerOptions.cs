namespace iAyos.Messaging.Gateway.Resilience;

/// <summary>Bound from <c>Gateway:CircuitBreaker</c>.</summary>
public sealed class CircuitBreakerOptions
{
    public const string Section = "Gateway:CircuitBreaker";

    /// <summary>Consecutive unanswered requests on one path that open its breaker.</summary>
    public int FailureThreshold { get; set; } = 3;

    /// <summary>How long a breaker opened by timeouts stays open before one probe request may pass.</summary>
    public double OpenSeconds { get; set; } = 2;

    /// <summary>
    /// Watch each path's queue for consumers over AMQP. A killed worker's connection drops at once, so its queue
    /// shows no consumer within one poll, long before any request could time out.
    /// </summary>
    public bool WatchConsumers { get; set; } = true;

    /// <summary>How often the consumer counts are read (one passive queue declare per path).</summary>
    public int WatchIntervalMs { get; set; } = 50;
}
