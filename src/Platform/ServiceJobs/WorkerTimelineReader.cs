using Dapper;
using iAyos.Messaging.Predictions.Workers;
using Npgsql;

namespace iAyos.Messaging.Platform.ServiceJobs;

/// <summary>Workers' profile versions and completed jobs from the iAyos read model, as <see cref="WorkerTimeline"/>s.</summary>
public sealed class WorkerTimelineReader(NpgsqlDataSource dataSource)
{
    private const string ProfilesSql = """
        SELECT worker_id, valid_from, length(bio) AS bio_length, profile_completion, hourly_rate, years_experience,
               specializations, cardinality(certifications) AS certifications,
               cardinality(verified_certifications) AS verified_certifications, is_active
        FROM iayos.worker_profiles
        WHERE @WorkerIds::bigint[] IS NULL OR worker_id = ANY(@WorkerIds)
        ORDER BY worker_id, valid_from
        """;

    // Completed and not cancelled; hours only when the start is known.
    private const string JobsSql = """
        SELECT f.worker_id, f.job_id, p.category_id, f.started_at, f.completed_at,
               CASE WHEN f.started_at IS NOT NULL THEN extract(epoch FROM f.completed_at - f.started_at)::double precision / 3600.0 END AS hours,
               c.default_hours AS category_hours, p.budget AS earnings, f.rating::int AS rating, f.satisfaction, f.reviewed_at
        FROM iayos.job_progress f
        JOIN iayos.job_postings p ON p.id = f.job_id
        JOIN iayos.categories c ON c.id = p.category_id
        WHERE f.completed_at IS NOT NULL AND f.cancelled_at IS NULL AND f.worker_id IS NOT NULL
          AND (@WorkerIds::bigint[] IS NULL OR f.worker_id = ANY(@WorkerIds))
        ORDER BY f.worker_id, f.completed_at
        """;

    /// <summary>Every worker with a profile or a completed job.</summary>
    public async Task<IReadOnlyDictionary<long, WorkerTimeline>> ReadAllAsync(CancellationToken ct) => await ReadAsync(null, ct);

    /// <summary>One worker, or null when neither a profile nor a completed job of theirs is known.</summary>
    public async Task<WorkerTimeline?> ReadAsync(long workerId, CancellationToken ct) =>
        (await ReadAsync([workerId], ct)).GetValueOrDefault(workerId);

    /// <summary>The workers of <paramref name="workerIds"/> that are known (two queries, however many ids).</summary>
    public async Task<IReadOnlyDictionary<long, WorkerTimeline>> ReadManyAsync(IReadOnlyCollection<long> workerIds, CancellationToken ct) =>
        await ReadAsync(workerIds.Distinct().ToArray(), ct);

    private async Task<Dictionary<long, WorkerTimeline>> ReadAsync(long[]? workerIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var parameters = new { WorkerIds = workerIds };
        var profiles = (await connection.QueryAsync<ProfileRow>(new CommandDefinition(ProfilesSql, parameters, cancellationToken: ct)))
            .ToLookup(r => r.WorkerId);
        var jobs = (await connection.QueryAsync<JobRow>(new CommandDefinition(JobsSql, parameters, cancellationToken: ct)))
            .ToLookup(r => r.WorkerId);
        return profiles.Select(g => g.Key).Union(jobs.Select(g => g.Key)).ToDictionary(id => id, id => new WorkerTimeline(id,
            profiles[id].Select(p => new WorkerProfileVersion(Utc(p.ValidFrom), p.BioLength, p.ProfileCompletion, p.HourlyRate, p.YearsExperience,
                p.Specializations, p.Certifications, p.VerifiedCertifications, p.IsActive)),
            jobs[id].Select(j => new WorkerJobFact(j.JobId, j.CategoryId, j.StartedAt is { } s ? Utc(s) : null, Utc(j.CompletedAt), j.Hours,
                j.CategoryHours, j.Earnings, j.Rating, j.Satisfaction, j.ReviewedAt is { } r ? Utc(r) : null))));
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record ProfileRow
    {
        public long WorkerId { get; init; }
        public DateTime ValidFrom { get; init; }
        public int BioLength { get; init; }
        public double ProfileCompletion { get; init; }
        public decimal? HourlyRate { get; init; }
        public double YearsExperience { get; init; }
        public string[] Specializations { get; init; } = [];
        public int Certifications { get; init; }
        public int VerifiedCertifications { get; init; }
        public bool IsActive { get; init; }
    }

    private sealed record JobRow
    {
        public long WorkerId { get; init; }
        public long JobId { get; init; }
        public int CategoryId { get; init; }
        public DateTime? StartedAt { get; init; }
        public DateTime CompletedAt { get; init; }
        public double? Hours { get; init; }
        public double CategoryHours { get; init; }
        public decimal Earnings { get; init; }
        public int? Rating { get; init; }
        public double? Satisfaction { get; init; }
        public DateTime? ReviewedAt { get; init; }
    }
}
