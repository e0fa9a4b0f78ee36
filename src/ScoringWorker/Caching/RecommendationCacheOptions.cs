namespace iAyos.Messaging.ScoringWorker.Caching;

/// <summary>
/// Bound from <c>Recommendations:Cache</c>; the connection itself is <c>Redis:Configuration</c>
/// (StackExchange.Redis syntax, e.g. "localhost:6380"). No configuration means no cache: every answer is computed.
/// </summary>
public sealed class RecommendationCacheOptions
{
    public const string Section = "Recommendations:Cache";
    public const string ConnectionKey = "Redis:Configuration";

    /// <summary>Off: every lookup computes (the cold half of scripts/bench-recommendations.sh).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The seed's RECOMMENDATION_CACHE_TTL.</summary>
    public int TtlSeconds { get; set; } = 3600;

    /// <summary>Longest a request waits on one Redis round trip; longer counts as Redis down.</summary>
    public int OperationTimeoutMs { get; set; } = 250;

    public int ConnectTimeoutMs { get; set; } = 1000;

    /// <summary>How often, while Redis is down, the background loop tries to bring the cache back.</summary>
    public double RetrySeconds { get; set; } = 2;

    /// <summary>Prefix of every key, so several systems (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "iayos:reco";

    public TimeSpan Ttl => TimeSpan.FromSeconds(Math.Max(1, TtlSeconds));
}
