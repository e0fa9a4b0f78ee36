using iAyos.Messaging.ScoringWorker.Caching;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace iAyos.Messaging.Integration.Tests.RecommendationCache;

/// <summary>The Redis scripts/test.sh started (Redis__Configuration), and caches of the tests' own over it.</summary>
internal static class CacheTesting
{
    public static string RedisConfiguration =>
        Environment.GetEnvironmentVariable("Redis__Configuration")
        ?? throw new InvalidOperationException("Redis__Configuration is not set: run the integration tests through scripts/test.sh, which starts Redis.");

    public static readonly RecommendationVariant Ensemble10 = new("ensemble", 10, 20);

    /// <summary>A cache of its own (own key prefix, quick retries), connected, over <paramref name="configuration"/>.
    /// The timeout is generous: a hit-expecting test must not become a miss because a loaded CI machine took 250 ms.</summary>
    public static async Task<(ScoringWorker.Caching.RecommendationCache Cache, RecommendationCacheConnection Connection)> StartAsync(string configuration, int operationTimeoutMs = 5000)
    {
        var options = new RecommendationCacheOptions
        {
            KeyPrefix = $"test:{Guid.NewGuid():N}", RetrySeconds = 0.1, OperationTimeoutMs = operationTimeoutMs, ConnectTimeoutMs = 500, TtlSeconds = 120,
        };
        var connection = new RecommendationCacheConnection(configuration, options, NullLogger<RecommendationCacheConnection>.Instance);
        await connection.StartAsync(CancellationToken.None);
        return (new ScoringWorker.Caching.RecommendationCache(connection, options, NullLogger<ScoringWorker.Caching.RecommendationCache>.Instance), connection);
    }

    public static async Task<CachedAnswer<string>> LookupAsync(ScoringWorker.Caching.RecommendationCache cache, long jobId, string computed = "computed") =>
        await cache.GetOrComputeAsync(jobId, Ensemble10, _ => Task.FromResult(computed), CancellationToken.None);

    public static long NewJobId() => Random.Shared.NextInt64(10_000_000_000, 20_000_000_000);

    public static ConfigurationOptions Parse() => ConfigurationOptions.Parse(RedisConfiguration);
}
