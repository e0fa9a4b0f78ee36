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
    /// Probe answers in a row that close an open breaker, unless <see cref="WarmUpSeconds"/> pass first. Probes go
    /// one at a time while every other request is answered at once, so a restarted worker warms up on a trickle
    /// instead of meeting the full rate cold. 50 is past .NET's tier-up threshold (30 calls), so the worker's
    /// request path is recompiled before the traffic returns: with 5 probes, a worker restarted under 300/s
    /// answered ~70 requests over 100 ms about 2 s after the breaker closed, when its background JIT ran.
    /// </summary>
    public int ProbesToClose { get; set; } = 50;

    /// <summary>At low traffic the probes come slowly: the breaker closes this long after the first probe answer.</summary>
    public double WarmUpSeconds { get; set; } = 2;

    /// <summary>
    /// Watch each path's queue for consumers over AMQP. A killed worker's connection drops at once, so its queue
    /// shows no consumer within one poll, long before any request could time out.
    /// </summary>
    public bool WatchConsumers { get; set; } = true;

    /// <summary>How often the consumer count of a path in use is read (one passive queue declare per path).</summary>
    public int WatchIntervalMs { get; set; } = 50;

    /// <summary>
    /// A path with no request for this long is idle: its consumer count is read this often instead, and again at once
    /// when a request comes. Every Gateway replica polls every path, so polling idle paths at the busy rate cost the
    /// broker work that grew with replicas x paths (an idle Gateway: 180 declares a second, now 9).
    /// </summary>
    public int IdleWatchIntervalMs { get; set; } = 1000;
}
