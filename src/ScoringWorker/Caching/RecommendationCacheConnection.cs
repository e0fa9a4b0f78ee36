using StackExchange.Redis;

namespace iAyos.Messaging.ScoringWorker.Caching;

/// <summary>
/// The cache's link to Redis, and whether requests may use it. While Redis is known to be down requests skip
/// it entirely (no timeout to wait out per request); this loop reconnects in the background. Coming back,
/// it bumps the global generation before anyone reads again: invalidations missed while Redis was unreachable
/// would otherwise leave stale lists behind (Redis may have kept them, or only this process lost its link).
/// </summary>
public sealed class RecommendationCacheConnection(
    string? configuration, RecommendationCacheOptions options, ILogger<RecommendationCacheConnection> logger)
    : BackgroundService
{
    private ConnectionMultiplexer? _multiplexer;
    private volatile bool _available;
    private long _skippedInvalidations;

    /// <summary>True while requests may read and write the cache.</summary>
    public bool IsAvailable => _available;

    public bool IsConfigured => options.Enabled && !string.IsNullOrWhiteSpace(configuration);

    public TimeSpan OperationTimeout => TimeSpan.FromMilliseconds(Math.Max(1, options.OperationTimeoutMs));

    public RedisKey GlobalGenerationKey => $"{options.KeyPrefix}:gen";

    /// <summary>The database while available, else null: the caller computes without the cache.</summary>
    public IDatabase? Database => _available && _multiplexer is { } m ? m.GetDatabase() : null;

    /// <summary>An operation failed or timed out: stop using Redis until the background loop has it back.</summary>
    public void MarkDown(Exception reason)
    {
        if (!_available)
            return;
        _available = false;
        logger.LogWarning("Recommendation cache unavailable, answering without it until Redis is back: {Reason}", reason.Message);
    }

    /// <summary>An invalidation could not reach Redis: the next recovery (or a second bump, if it just happened) covers it.</summary>
    public void InvalidationSkipped() => Interlocked.Increment(ref _skippedInvalidations);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsConfigured)
        {
            logger.LogInformation("Recommendation cache off ({Key} not set or {Section}:Enabled false)", RecommendationCacheOptions.ConnectionKey, RecommendationCacheOptions.Section);
            return;
        }
        var retry = TimeSpan.FromSeconds(Math.Max(0.1, options.RetrySeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!_available)
                await TryRecoverAsync(stoppingToken);
            await Task.Delay(retry, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>One recovery attempt: connect if need be, bump the global generation, then serve. True when available.</summary>
    public async Task<bool> TryRecoverAsync(CancellationToken ct)
    {
        if (_available)
            return true;
        if (!IsConfigured)
            return false;
        try
        {
            _multiplexer ??= await ConnectAsync();
            if (!_multiplexer.IsConnected)
                return false;
            var db = _multiplexer.GetDatabase();
            var skipped = Interlocked.Read(ref _skippedInvalidations);
            await db.StringIncrementAsync(GlobalGenerationKey).WaitAsync(OperationTimeout * 4, ct);
            _available = true;
            // An invalidation skipped while this bump was under way may have raced a list written meanwhile: bump again.
            if (Interlocked.Read(ref _skippedInvalidations) != skipped)
                await db.StringIncrementAsync(GlobalGenerationKey).WaitAsync(OperationTimeout * 4, ct);
            logger.LogInformation("Recommendation cache available ({Endpoint}); entries from before are invalidated", configuration);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            _available = false;
            logger.LogDebug("Redis still unavailable: {Reason}", ex.Message);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bad Redis:Configuration must not stop the worker: it answers without the cache, and says why.
            _available = false;
            logger.LogError(ex, "Recommendation cache cannot connect with {Key}; answering without it", RecommendationCacheOptions.ConnectionKey);
            return false;
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var config = ConfigurationOptions.Parse(configuration!);
        config.AbortOnConnectFail = false; // a multiplexer even while Redis is down; it reconnects by itself
        config.ConnectTimeout = Math.Max(1, options.ConnectTimeoutMs);
        config.AsyncTimeout = Math.Max(1, options.OperationTimeoutMs);
        config.SyncTimeout = Math.Max(1, options.OperationTimeoutMs);
        config.ConnectRetry = 1;
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(config);
        multiplexer.ConnectionFailed += (_, e) => MarkDown(e.Exception ?? new RedisException($"connection failed: {e.FailureType}"));
        return multiplexer;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _available = false;
        if (_multiplexer is { } m)
            await m.CloseAsync();
    }

    public override void Dispose()
    {
        _multiplexer?.Dispose();
        base.Dispose();
    }
}
