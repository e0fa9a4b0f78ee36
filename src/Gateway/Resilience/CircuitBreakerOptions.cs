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
    /// Consecutive probe answers that close an open breaker. Probes go one at a time while every other request is
    /// answered at once, so a restarted worker warms up (JIT, thread pool, ONNX session) on a trickle instead of
    /// meeting the full rate cold: measured, a worker restarted under 300/s answered its first second ~140
    /// requests over 100 ms when the first answer closed the breaker.
    /// </summary>
    public int ProbesToClose { get; set; } = 5;

    /// <summary>
    /// Watch each path's queue for consumers over AMQP. A killed worker's connection drops at once, so its queue
    /// shows no consumer within one poll, long before any request could time out.
    /// </summary>
    public bool WatchConsumers { get; set; } = true;

    /// <summary>How often the consumer counts are read (one passive queue declare per path).</summary>
    public int WatchIntervalMs { get; set; } = 50;
}
