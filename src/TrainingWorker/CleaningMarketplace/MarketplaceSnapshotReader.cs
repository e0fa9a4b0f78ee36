using Dapper;
using iAyos.Messaging.Training.CleaningMarketplace;
using Npgsql;

namespace iAyos.Messaging.TrainingWorker.CleaningMarketplace;

/// <summary>
/// The cleaning marketplace's read model (marketplace.* as the ScoringWorker folded it) as one snapshot: one query per
/// table in one repeatable-read transaction, so the six lists agree with each other even while events keep arriving.
/// </summary>
public sealed class MarketplaceSnapshotReader(NpgsqlDataSource dataSource)
{
    private const string CleanersSql = """
        SELECT id, display_name, hourly_rate, latitude, longitude, offers_eco FROM marketplace.cleaners ORDER BY id
        """;

    private const string PropertiesSql = """
        SELECT id, client_id, property_type, size_m2, latitude, longitude, eco_preference FROM marketplace.properties ORDER BY id
        """;

    private const string JobsSql = """
        SELECT id, client_id, property_id, estimated_hours, client_budget, posted_at, accepted_bid_id, accepted_cleaner_id, accepted_at,
               scheduled_start, started_at, completed_at, cancelled_at, photo_count
        FROM marketplace.jobs ORDER BY id
        """;

    private const string BidsSql = "SELECT id, job_id, cleaner_id, amount, placed_at FROM marketplace.bids ORDER BY id";

    private const string ReviewsSql = """
        SELECT id, job_id, cleaner_id, client_id, overall, quality, communication, professionalism, timeliness, submitted_at
        FROM marketplace.reviews ORDER BY id
        """;

    private const string PaymentsSql = "SELECT id, job_id, cleaner_id, amount, platform_fee, paid_at FROM marketplace.payments ORDER BY id";

    public async Task<MarketplaceSnapshot> ReadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

        async Task<List<T>> Query<T>(string sql) =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct))).AsList();

        var cleaners = await Query<CleanerRow>(CleanersSql);
        var properties = await Query<PropertyRow>(PropertiesSql);
        var jobs = await Query<JobRow>(JobsSql);
        var bids = await Query<BidRow>(BidsSql);
        var reviews = await Query<ReviewRow>(ReviewsSql);
        var payments = await Query<PaymentRow>(PaymentsSql);
        await transaction.CommitAsync(ct);

        return new MarketplaceSnapshot(
            cleaners.Select(c => new SnapshotCleaner(c.Id, c.DisplayName, c.HourlyRate, c.Latitude, c.Longitude, c.OffersEco)).ToList(),
            properties.Select(p => new SnapshotProperty(p.Id, p.ClientId, p.PropertyType, p.SizeM2, p.Latitude, p.Longitude, p.EcoPreference)).ToList(),
            jobs.Select(j => new SnapshotJob(j.Id, j.ClientId, j.PropertyId, j.EstimatedHours, j.ClientBudget, Utc(j.PostedAt), j.AcceptedBidId,
                j.AcceptedCleanerId, Utc(j.AcceptedAt), Utc(j.ScheduledStart), Utc(j.StartedAt), Utc(j.CompletedAt), Utc(j.CancelledAt), j.PhotoCount)).ToList(),
            bids.Select(b => new SnapshotBid(b.Id, b.JobId, b.CleanerId, b.Amount, Utc(b.PlacedAt)!.Value)).ToList(),
            reviews.Select(r => new SnapshotReview(r.Id, r.JobId, r.CleanerId, r.ClientId, r.Overall, r.Quality, r.Communication, r.Professionalism,
                r.Timeliness, Utc(r.SubmittedAt)!.Value)).ToList(),
            payments.Select(p => new SnapshotPayment(p.Id, p.JobId, p.CleanerId, p.Amount, p.PlatformFee, Utc(p.PaidAt)!.Value)).ToList());
    }

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private sealed record CleanerRow
    {
        public long Id { get; init; }
        public string DisplayName { get; init; } = "";
        public decimal HourlyRate { get; init; }
        public double Latitude { get; init; }
        public double Longitude { get; init; }
        public bool OffersEco { get; init; }
    }

    private sealed record PropertyRow
    {
        public long Id { get; init; }
        public long ClientId { get; init; }
        public string PropertyType { get; init; } = "";
        public double SizeM2 { get; init; }
        public double Latitude { get; init; }
        public double Longitude { get; init; }
        public bool EcoPreference { get; init; }
    }

    private sealed record JobRow
    {
        public long Id { get; init; }
        public long? ClientId { get; init; }
        public long? PropertyId { get; init; }
        public double? EstimatedHours { get; init; }
        public decimal? ClientBudget { get; init; }
        public DateTime? PostedAt { get; init; }
        public long? AcceptedBidId { get; init; }
        public long? AcceptedCleanerId { get; init; }
        public DateTime? AcceptedAt { get; init; }
        public DateTime? ScheduledStart { get; init; }
        public DateTime? StartedAt { get; init; }
        public DateTime? CompletedAt { get; init; }
        public DateTime? CancelledAt { get; init; }
        public int? PhotoCount { get; init; }
    }

    private sealed record BidRow
    {
        public long Id { get; init; }
        public long JobId { get; init; }
        public long CleanerId { get; init; }
        public decimal Amount { get; init; }
        public DateTime? PlacedAt { get; init; }
    }

    private sealed record ReviewRow
    {
        public long Id { get; init; }
        public long JobId { get; init; }
        public long CleanerId { get; init; }
        public long ClientId { get; init; }
        public short Overall { get; init; }
        public short Quality { get; init; }
        public short Communication { get; init; }
        public short Professionalism { get; init; }
        public short Timeliness { get; init; }
        public DateTime? SubmittedAt { get; init; }
    }

    private sealed record PaymentRow
    {
        public long Id { get; init; }
        public long JobId { get; init; }
        public long CleanerId { get; init; }
        public decimal Amount { get; init; }
        public decimal PlatformFee { get; init; }
        public DateTime? PaidAt { get; init; }
    }
}
