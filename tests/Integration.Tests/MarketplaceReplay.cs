using Dapper;
using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Cli.Simulation;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace iAyos.Messaging.Integration.Tests;

/// <summary>Publishes a generated marketplace through RabbitMQ and waits until the ScoringWorker has applied all of it.</summary>
public static class MarketplaceReplay
{
    public static readonly DateTimeOffset AsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task ResetAsync(NpgsqlConnection connection) =>
        await connection.ExecuteAsync("""
            TRUNCATE marketplace.clients, marketplace.cleaners, marketplace.properties, marketplace.jobs, marketplace.bids,
                     marketplace.reviews, marketplace.payments, scoring.cleaner_scores, scoring.market_stats, scoring.dirty_cleaners,
                     scoring.job_recommendations, scoring.cleaner_recommendations, scoring.bid_suggestions, scoring.recommendation_feedback
            """);

    public static async Task<TimeSpan> PublishAndWaitAsync(Stack stack, IReadOnlyList<IMarketplaceEvent> events, IReadOnlyList<IMarketplaceEvent> expected, NpgsqlConnection connection, TimeSpan within)
    {
        var bus = stack.Gateway.Services.GetRequiredService<IBus>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await MarketplacePublisher.PublishAsync(events, bus, progress: null, CancellationToken.None);
        var target = Expected(expected);
        var applied = await TestInfrastructure.EventuallyAsync(async () => await CountsAsync(connection) == target, within);
        Assert.True(applied, $"the ScoringWorker should apply every event: expected {target}, got {await CountsAsync(connection)}");
        var elapsed = watch.Elapsed;
        // ... and rescored every cleaner the events touched.
        var rescored = await TestInfrastructure.EventuallyAsync(async () =>
            await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM scoring.dirty_cleaners") == 0, TimeSpan.FromSeconds(60));
        Assert.True(rescored, "the score refresher should drain the dirty cleaners");
        return elapsed;
    }

    public static async Task RecomputeAsync(Stack stack, NpgsqlConnection connection, int cleaners)
    {
        var bus = stack.Gateway.Services.GetRequiredService<IBus>();
        var endpoint = await bus.GetSendEndpoint(Contracts.QueueNames.Address(Contracts.QueueNames.ScoringCommands));
        var sentAt = await connection.ExecuteScalarAsync<DateTime>("SELECT clock_timestamp()");
        await endpoint.Send(new RecomputeCleanerScores { RequestId = NewId.NextGuid(), RequestedAt = DateTimeOffset.UtcNow, AsOf = AsOf });
        // Only the full pass refreshes the market level, so its timestamp says that pass has committed.
        var done = await TestInfrastructure.EventuallyAsync(async () =>
            await connection.ExecuteScalarAsync<bool>("SELECT coalesce((SELECT computed_at >= @sentAt FROM scoring.market_stats WHERE id = 1), false)", new { sentAt }),
            TimeSpan.FromSeconds(60));
        Assert.True(done, "RecomputeCleanerScores should complete");
        Assert.Equal(cleaners, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM scoring.cleaner_scores WHERE as_of = @AsOf AND computed_at >= @sentAt", new { AsOf = AsOf.UtcDateTime, sentAt }));
    }

    /// <summary>Each event type leaves its own mark, so equal counts mean every event has been applied.</summary>
    private static string Expected(IReadOnlyList<IMarketplaceEvent> events)
    {
        int Count<T>() => events.OfType<T>().Count();
        var jobs = events.Select(e => e switch
        {
            JobPosted j => j.JobId, BidAccepted j => j.JobId, JobConfirmed j => j.JobId, JobStarted j => j.JobId,
            JobCompleted j => j.JobId, JobCancelled j => j.JobId, CompletionPhotosSubmitted j => j.JobId, _ => 0,
        }).Where(id => id > 0).Distinct().Count();
        return string.Join(",", Count<ClientRegistered>(), Count<CleanerRegistered>(), Count<PropertyRegistered>(), jobs,
            Count<JobPosted>(), Count<BidPlaced>(), Count<BidAccepted>(), Count<JobConfirmed>(), Count<JobStarted>(),
            Count<JobCompleted>(), Count<JobCancelled>(), Count<CompletionPhotosSubmitted>(), Count<ReviewSubmitted>(), Count<PaymentRecorded>());
    }

    private static async Task<string> CountsAsync(NpgsqlConnection connection)
    {
        var row = await connection.QuerySingleAsync<string>("""
            SELECT concat_ws(',',
                (SELECT count(*) FROM marketplace.clients), (SELECT count(*) FROM marketplace.cleaners),
                (SELECT count(*) FROM marketplace.properties), (SELECT count(*) FROM marketplace.jobs),
                (SELECT count(*) FROM marketplace.jobs WHERE posted_at IS NOT NULL), (SELECT count(*) FROM marketplace.bids),
                (SELECT count(*) FROM marketplace.jobs WHERE accepted_bid_id IS NOT NULL),
                (SELECT count(*) FROM marketplace.jobs WHERE confirmed_at IS NOT NULL),
                (SELECT count(*) FROM marketplace.jobs WHERE started_at IS NOT NULL),
                (SELECT count(*) FROM marketplace.jobs WHERE completed_at IS NOT NULL),
                (SELECT count(*) FROM marketplace.jobs WHERE cancelled_at IS NOT NULL),
                (SELECT count(*) FROM marketplace.jobs WHERE photo_count IS NOT NULL),
                (SELECT count(*) FROM marketplace.reviews), (SELECT count(*) FROM marketplace.payments))
            """);
        return row;
    }

    /// <summary>Every read-model and score row as text, in key order; score bookkeeping columns left out.</summary>
    public static async Task<IReadOnlyList<string>> SnapshotAsync(NpgsqlConnection connection)
    {
        var rows = new List<string>();
        foreach (var (table, key) in new[]
                 {
                     ("marketplace.clients", "id"), ("marketplace.cleaners", "id"), ("marketplace.properties", "id"),
                     ("marketplace.jobs", "id"), ("marketplace.bids", "id"), ("marketplace.reviews", "id"), ("marketplace.payments", "id"),
                 })
            rows.AddRange(await connection.QueryAsync<string>($"SELECT '{table} ' || row_to_json(t)::text FROM {table} t ORDER BY {key}"));
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT 'scores ' || (to_jsonb(s) - 'computed_at')::text FROM scoring.cleaner_scores s ORDER BY cleaner_id"));
        return rows;
    }
}
