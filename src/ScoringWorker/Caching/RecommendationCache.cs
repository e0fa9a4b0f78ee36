using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace iAyos.Messaging.ScoringWorker.Caching;

/// <summary>
/// Ranked recommendation lists of a job, cached in Redis (seed 004's 1-hour TTL) and invalidated by the events
/// that change them. Invalidation never touches the entries: a job's generation counter (a bid, a state change,
/// its property) and a global one (a cleaner's score or profile, a model activation) are bumped, and an entry
/// stamped with older generations is a miss. One lookup is one MGET of both counters and the entry, so no
/// KEYS/SCAN on the hot path. The generations are read before computing, so a list computed while an
/// invalidation lands is stored with the old stamp and never served.
/// Redis trouble is a miss, never an error: the answer is computed, and the connection is marked down.
/// </summary>
public sealed class RecommendationCache(RecommendationCacheConnection redis, RecommendationCacheOptions options, ILogger<RecommendationCache> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public bool IsAvailable => redis.IsAvailable;

    /// <summary>
    /// The cached list for (job, variant) when it is current, else <paramref name="compute"/>'s answer, stored unless
    /// <paramref name="cacheable"/> says no (a fallback answer, a not-found). Exceptions of compute propagate; Redis's never do.
    /// </summary>
    public async Task<CachedAnswer<T>> GetOrComputeAsync<T>(long jobId, RecommendationVariant variant,
        Func<CancellationToken, Task<T>> compute, CancellationToken ct, Func<T, bool>? cacheable = null)
    {
        var db = redis.Database;
        if (db is null)
            return new(await compute(ct), false);

        var entryKey = EntryKey(jobId, variant);
        string stamp;
        try
        {
            var values = await db.StringGetAsync([redis.GlobalGenerationKey, JobGenerationKey(jobId), entryKey]).WaitAsync(redis.OperationTimeout, ct);
            stamp = Stamp(values[0], values[1]);
            if (TryRead<T>(values[2], stamp, out var cached))
                return new(cached, true);
        }
        catch (Exception ex) when (IsRedisTrouble(ex, ct))
        {
            redis.MarkDown(ex);
            return new(await compute(ct), false);
        }

        var value = await compute(ct);
        if (value is null || (cacheable is not null && !cacheable(value)))
            return new(value, false);
        try
        {
            await db.StringSetAsync(entryKey, stamp + "\n" + JsonSerializer.Serialize(value, Json), options.Ttl).WaitAsync(redis.OperationTimeout, ct);
        }
        catch (Exception ex) when (IsRedisTrouble(ex, ct))
        {
            redis.MarkDown(ex);
        }
        return new(value, false);
    }

    /// <summary>After a commit that changed these jobs (a bid, a state, their property): their lists are stale.</summary>
    public async Task InvalidateJobsAsync(IReadOnlyCollection<long> jobIds, CancellationToken ct)
    {
        if (jobIds.Count == 0 || !redis.IsConfigured)
            return;
        await BumpAsync(db =>
        {
            // The counter outlives every entry stamped with it (2 TTLs after its last bump): an expired counter
            // restarting at 0 can only match entries that have expired too.
            var keepFor = options.Ttl * 2;
            return Task.WhenAll(jobIds.Distinct().Select(async id =>
            {
                await db.StringIncrementAsync(JobGenerationKey(id));
                await db.KeyExpireAsync(JobGenerationKey(id), keepFor);
            }));
        }, ct);
    }

    /// <summary>After a commit that can change any job's list (a cleaner's score or profile, a model activation).</summary>
    public Task InvalidateAllAsync(CancellationToken ct) =>
        redis.IsConfigured ? BumpAsync(db => db.StringIncrementAsync(redis.GlobalGenerationKey), ct) : Task.CompletedTask;

    private async Task BumpAsync(Func<IDatabase, Task> bump, CancellationToken ct)
    {
        var db = redis.Database;
        if (db is null)
        {
            // Down: the recovery bumps the global generation, which covers this one.
            redis.InvalidationSkipped();
            return;
        }
        try
        {
            await bump(db).WaitAsync(redis.OperationTimeout * 2, ct);
        }
        catch (Exception ex) when (IsRedisTrouble(ex, ct))
        {
            redis.InvalidationSkipped();
            redis.MarkDown(ex);
        }
    }

    private bool TryRead<T>(RedisValue entry, string stamp, out T value)
    {
        value = default!;
        if (entry.IsNullOrEmpty)
            return false;
        var text = (string)entry!;
        var newline = text.IndexOf('\n');
        if (newline < 0 || text.AsSpan(0, newline).SequenceEqual(stamp) is false)
            return false;
        try
        {
            value = JsonSerializer.Deserialize<T>(text.AsSpan(newline + 1), Json)!;
            return value is not null;
        }
        catch (JsonException ex)
        {
            // Another version of the list type wrote it (a rolling deploy): recompute and overwrite.
            logger.LogDebug("Unreadable cache entry, recomputing: {Reason}", ex.Message);
            return false;
        }
    }

    private static string Stamp(RedisValue global, RedisValue job) =>
        string.Create(CultureInfo.InvariantCulture, $"{Generation(global)}:{Generation(job)}");

    private static long Generation(RedisValue value) => value.TryParse(out long n) ? n : 0;

    private RedisKey JobGenerationKey(long jobId) => string.Create(CultureInfo.InvariantCulture, $"{options.KeyPrefix}:job:{jobId}:gen");

    private RedisKey EntryKey(long jobId, RecommendationVariant variant) =>
        string.Create(CultureInfo.InvariantCulture, $"{options.KeyPrefix}:job:{jobId}:list:{variant.Key}");

    private static bool IsRedisTrouble(Exception ex, CancellationToken ct) =>
        ex is RedisException or TimeoutException or ObjectDisposedException || (ex is OperationCanceledException && !ct.IsCancellationRequested);
}
