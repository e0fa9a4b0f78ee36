using Dapper;
using Npgsql;

namespace iAyos.Messaging.Gateway.Status;

/// <summary>Counts of what the iAyos trainers learn from: jobs for completion time (overall and per category), profiles and reviews for worker rating.</summary>
public sealed class DatasetStatsReader(NpgsqlDataSource dataSource)
{
    // "Usable" is what the completion-time trainer takes: completed, not cancelled, both timestamps, a positive
    // duration; durations outside the seed's 0.5-720 h are clipped to it (counted apart), not dropped.
    private const string TotalsSql = """
        SELECT count(*)::int                                              AS total_jobs,
               count(*) FILTER (WHERE status = 'COMPLETED')::int          AS completed_jobs,
               count(*) FILTER (WHERE status = 'COMPLETED' AND started_at IS NOT NULL AND completed_at IS NOT NULL
                                AND completed_at > started_at)::int AS usable_jobs,
               count(*) FILTER (WHERE status = 'COMPLETED' AND started_at IS NOT NULL AND completed_at > started_at
                                AND completed_at - started_at NOT BETWEEN interval '30 minutes' AND interval '720 hours')::int AS clipped_jobs,
               min(completed_at) AS first_completed_at,
               max(completed_at) AS last_completed_at
        FROM iayos.jobs
        """;

    private const string ByCategorySql = """
        SELECT c.id AS category_id, c.name AS category,
               count(j.id)::int AS usable_jobs,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM j.completed_at - j.started_at) / 3600.0))::double precision AS median_hours,
               (percentile_cont(0.5) WITHIN GROUP (ORDER BY j.budget))::double precision AS median_budget
        FROM iayos.categories c
        LEFT JOIN iayos.jobs j ON j.category_id = c.id AND j.status = 'COMPLETED'
             AND j.started_at IS NOT NULL AND j.completed_at IS NOT NULL
             AND j.completed_at > j.started_at
        GROUP BY c.id, c.name
        ORDER BY c.id
        """;

    // The worker-rating trainer's raw material: profiles, and reviews whose later windows become targets.
    private const string WorkersSql = """
        SELECT (SELECT count(DISTINCT worker_id) FROM iayos.worker_profiles)::int                         AS workers_with_profile,
               (SELECT count(*) FROM iayos.worker_profiles)::int                                          AS profile_versions,
               count(*)::int                                                                             AS reviewed_jobs,
               count(DISTINCT worker_id)::int                                                            AS workers_with_reviews,
               min(reviewed_at)                                                                          AS first_review_at,
               max(reviewed_at)                                                                          AS last_review_at
        FROM iayos.job_progress
        WHERE rating IS NOT NULL AND completed_at IS NOT NULL AND cancelled_at IS NULL AND worker_id IS NOT NULL
        """;

    public async Task<DatasetStats> ReadAsync(int minSamples, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var totals = await connection.QuerySingleAsync<Totals>(new CommandDefinition(TotalsSql, cancellationToken: cancellationToken));
        var categories = (await connection.QueryAsync<CategoryCount>(new CommandDefinition(ByCategorySql, cancellationToken: cancellationToken))).ToList();
        var workers = await connection.QuerySingleAsync<WorkerRatingStats>(new CommandDefinition(WorkersSql, cancellationToken: cancellationToken));
        return new DatasetStats(
            totals.TotalJobs, totals.CompletedJobs, totals.UsableJobs, totals.ClippedJobs, minSamples, totals.UsableJobs >= minSamples,
            totals.FirstCompletedAt, totals.LastCompletedAt, categories, workers);
    }

    private sealed record Totals
    {
        public int TotalJobs { get; init; }
        public int CompletedJobs { get; init; }
        public int UsableJobs { get; init; }
        public int ClippedJobs { get; init; }
        public DateTime? FirstCompletedAt { get; init; }
        public DateTime? LastCompletedAt { get; init; }
    }
}

public sealed record CategoryCount
{
    public int CategoryId { get; init; }
    public string Category { get; init; } = "";
    public int UsableJobs { get; init; }
    public double? MedianHours { get; init; }
    public double? MedianBudget { get; init; }
}

public sealed record DatasetStats(
    int TotalJobs,
    int CompletedJobs,
    int UsableJobs,
    int ClippedJobs,
    int MinSamplesRequired,
    bool ReadyForTraining,
    DateTime? FirstCompletedAt,
    DateTime? LastCompletedAt,
    IReadOnlyList<CategoryCount> ByCategory,
    WorkerRatingStats WorkerRating);

/// <summary>What the worker-rating model learns from in the read model.</summary>
public sealed record WorkerRatingStats
{
    public int WorkersWithProfile { get; init; }
    public int ProfileVersions { get; init; }
    public int ReviewedJobs { get; init; }
    public int WorkersWithReviews { get; init; }
    public DateTime? FirstReviewAt { get; init; }
    public DateTime? LastReviewAt { get; init; }
}
