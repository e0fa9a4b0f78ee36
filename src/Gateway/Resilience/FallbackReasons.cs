namespace iAyos.Messaging.Gateway.Resilience;

/// <summary>Why the Gateway answered a request itself, as reported in <c>fallback_reason</c>.</summary>
public static class FallbackReasons
{
    /// <summary>The request waited its full timeout and no worker answered.</summary>
    public const string Timeout = "timeout";

    /// <summary>The path's queue has no consumer: no worker of that kind is running.</summary>
    public const string NoWorker = "no_worker";

    /// <summary>The Gateway cannot reach RabbitMQ.</summary>
    public const string BrokerUnreachable = "broker_unreachable";

    /// <summary>Recent requests on the path went unanswered; the breaker is open until a probe gets through.</summary>
    public const string CircuitOpen = "circuit_open";
}
