using iAyos.Messaging.Predictions.CleaningMarketplace;
using Dapper;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>Loads what the rule-based engine matches on, from the read model and the cleaner scores.</summary>
public sealed class RecommendationReader(NpgsqlDataSource dataSource)
{
    private const string JobColumns = """
        j.id AS job_id, j.client_id, p.property_type, p.size_m2, p.latitude, p.longitude, p.eco_preference,
        j.estimated_hours, j.client_budget, j.posted_at,
        (SELECT count(*)::int FROM marketplace.bids b WHERE b.job_id = j.id) AS current_bid_count,
        (SELECT min(b.amount) FROM marketplace.bids b WHERE b.job_id = j.id) AS lowest_bid
        """;

    private const string JobSql = $"""
        SELECT {JobColumns}
        FROM marketplace.jobs j JOIN marketplace.properties p ON p.id = j.property_id
        WHERE j.id = @jobId AND j.posted_at IS NOT NULL
        """;

    // A cleaner with no score row yet is new: neutral parts, counted as active.
    private const string CleanerColumns = """
        c.id AS cleaner_id, c.display_name, c.hourly_rate, c.latitude, c.longitude,
        coalesce(s.overall_score, 50) AS overall_score, coalesce(s.quality_score, 50) AS quality_score,
        coalesce(s.reliability_score, 50) AS reliability_score, s.primary_property_type,
        coalesce(s.eco_share, CASE WHEN c.offers_eco THEN 1 ELSE 0 END) AS eco_share,
        coalesce(s.jobs_in_progress, 0) AS jobs_in_progress, coalesce(s.is_active, true) AS is_active,
        coalesce(s.total_jobs, 0) AS total_jobs, s.average_bid, s.win_rate,
        s.avg_overall_rating, s.quality_rating, s.communication_rating, s.professionalism_rating, s.timeliness_rating,
        s.completion_rate, s.on_time_rate
        """;

    private const string CleanersSql = $"SELECT {CleanerColumns} FROM marketplace.cleaners c LEFT JOIN scoring.cleaner_scores s ON s.cleaner_id = c.id";

    private const string CleanerSql = CleanersSql + " WHERE c.id = @cleanerId";

    // Open: posted, not accepted, cancelled or completed; and not already bid on by this cleaner.
    private const string OpenJobsForCleanerSql = $"""
        SELECT {JobColumns}
        FROM marketplace.jobs j JOIN marketplace.properties p ON p.id = j.property_id
        WHERE j.posted_at IS NOT NULL AND j.accepted_at IS NULL AND j.accepted_cleaner_id IS NULL
          AND j.cancelled_at IS NULL AND j.completed_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM marketplace.bids b WHERE b.job_id = j.id AND b.cleaner_id = @cleanerId)
        """;

    // A cleaner's latest bid on the job, should they have bid more than once.
    private const string BidsOnJobSql = """
        SELECT DISTINCT ON (cleaner_id) cleaner_id, amount
        FROM marketplace.bids WHERE job_id = @jobId
        ORDER BY cleaner_id, id DESC
        """;

    // What accepted bids paid per estimated hour for this kind of property.
    private const string MarketPerHourSql = """
        SELECT avg(b.amount / j.estimated_hours)::numeric(10,2)
        FROM marketplace.jobs j
        JOIN marketplace.bids b ON b.id = j.accepted_bid_id
        JOIN marketplace.properties p ON p.id = j.property_id
        WHERE p.property_type = @propertyType AND j.estimated_hours > 0
        """;

    public async Task<JobFacts?> JobAsync(long jobId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(JobSql, new { jobId }, cancellationToken: ct));
        return row?.ToFacts();
    }

    public async Task<CleanerFacts?> CleanerAsync(long cleanerId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<CleanerRow>(new CommandDefinition(CleanerSql, new { cleanerId }, cancellationToken: ct));
        return row?.ToFacts();
    }

    public async Task<IReadOnlyList<CleanerFacts>> CleanersAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<CleanerRow>(new CommandDefinition(CleanersSql, cancellationToken: ct))).Select(r => r.ToFacts()).ToList();
    }

    public async Task<IReadOnlyList<JobFacts>> OpenJobsForAsync(long cleanerId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<JobRow>(new CommandDefinition(OpenJobsForCleanerSql, new { cleanerId }, cancellationToken: ct))).Select(r => r.ToFacts()).ToList();
    }

    /// <summary>Each bidder's amount on the job, by cleaner: the bid feature the network reads for that pair.</summary>
    public async Task<IReadOnlyDictionary<long, decimal>> BidsOnJobAsync(long jobId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long CleanerId, decimal Amount)>(new CommandDefinition(BidsOnJobSql, new { jobId }, cancellationToken: ct));
        return rows.ToDictionary(r => r.CleanerId, r => r.Amount);
    }

    public async Task<decimal?> MarketAveragePerHourAsync(string propertyType, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<decimal?>(new CommandDefinition(MarketPerHourSql, new { propertyType }, cancellationToken: ct));
    }

    private sealed record JobRow
    {
        public long JobId { get; init; }
        public long? ClientId { get; init; }
        public string PropertyType { get; init; } = "";
        public double SizeM2 { get; init; }
        public double Latitude { get; init; }
        public double Longitude { get; init; }
        public bool EcoPreference { get; init; }
        public double? EstimatedHours { get; init; }
        public decimal? ClientBudget { get; init; }
        public int CurrentBidCount { get; init; }
        public decimal? LowestBid { get; init; }
        public DateTimeOffset? PostedAt { get; init; }

        public JobFacts ToFacts() => new(JobId, ClientId ?? 0, PropertyType, SizeM2, Latitude, Longitude, EcoPreference,
            EstimatedHours ?? 0, ClientBudget, CurrentBidCount, LowestBid, PostedAt);
    }

    private sealed record CleanerRow
    {
        public long CleanerId { get; init; }
        public string DisplayName { get; init; } = "";
        public decimal HourlyRate { get; init; }
        public double Latitude { get; init; }
        public double Longitude { get; init; }
        public double OverallScore { get; init; }
        public double QualityScore { get; init; }
        public double ReliabilityScore { get; init; }
        public string? PrimaryPropertyType { get; init; }
        public double EcoShare { get; init; }
        public int JobsInProgress { get; init; }
        public bool IsActive { get; init; }
        public int TotalJobs { get; init; }
        public decimal? AverageBid { get; init; }
        public double? WinRate { get; init; }
        public double? AvgOverallRating { get; init; }
        public double? QualityRating { get; init; }
        public double? CommunicationRating { get; init; }
        public double? ProfessionalismRating { get; init; }
        public double? TimelinessRating { get; init; }
        public double? CompletionRate { get; init; }
        public double? OnTimeRate { get; init; }

        public CleanerFacts ToFacts() => new(CleanerId, DisplayName, HourlyRate, Latitude, Longitude, OverallScore, QualityScore,
            ReliabilityScore, PrimaryPropertyType, EcoShare, JobsInProgress, IsActive, TotalJobs, AverageBid, WinRate,
            new CleanerRatings(AvgOverallRating, QualityRating, CommunicationRating, ProfessionalismRating, TimelinessRating, CompletionRate, OnTimeRate));
    }
}
