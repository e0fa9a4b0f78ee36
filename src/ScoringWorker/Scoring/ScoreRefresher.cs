using iAyos.Messaging.Predictions.CleaningMarketplace;
using Dapper;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.ScoringWorker.Caching;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.Scoring;

/// <summary>
/// Rescores the cleaners that events marked dirty, a set at a time: take up to 500 marks (SKIP LOCKED, so
/// several instances share the work), recompute them set-based, delete the marks, commit. A failure rolls
/// back and leaves the marks for the next round; a mark added meanwhile waits for the next round too.
/// New scores can reorder any job's cleaners, so a round that rescored anyone invalidates every cached list
/// once it has committed.
/// </summary>
public sealed class ScoreRefresher(NpgsqlDataSource dataSource, ScoringOptions options, RecommendationCache cache, ILogger<ScoreRefresher> logger) : BackgroundService
{
    public const int MaxPerRound = 500;
    private static readonly TimeSpan IdleDelay = TimeSpan.FromMilliseconds(200);

    private const string TakeSql = """
        DELETE FROM scoring.dirty_cleaners
        WHERE cleaner_id IN (SELECT cleaner_id FROM scoring.dirty_cleaners ORDER BY cleaner_id FOR UPDATE SKIP LOCKED LIMIT @limit)
        RETURNING cleaner_id
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var rescored = 0;
            var delay = IdleDelay;
            try
            {
                rescored = await RefreshOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (Exception ex) when (ex is NpgsqlException || TransientFailures.IsTransient(ex))
            {
                // The marks stay in PostgreSQL for the next round; while it is down, rounds back off.
                delay = Backoff.Delay(failures++);
                logger.LogWarning("Score refresh failed, retrying in {Delay}: {Reason}", delay, ex.Message);
            }
            if (rescored < MaxPerRound)
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    /// <summary>One round; returns how many cleaners it rescored.</summary>
    public async Task<int> RefreshOnceAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var ids = (await connection.QueryAsync<long>(new CommandDefinition(TakeSql, new { limit = MaxPerRound }, transaction, cancellationToken: ct))).ToArray();
        if (ids.Length == 0)
            return 0;
        await CleanerScoreStore.RecomputeAsync(connection, transaction, ids, options.AsOfNow(), ct);
        await transaction.CommitAsync(ct);
        await cache.InvalidateAllAsync(ct);
        return ids.Length;
    }
}
