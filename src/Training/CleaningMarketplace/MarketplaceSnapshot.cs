namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// The cleaning marketplace's read model in memory, as the networks are trained from it: rows as the
/// ScoringWorker folded them (marketplace.* tables), nothing derived. Every derived value (a cleaner's ratings
/// and rates as of a moment, the market's price level) is computed from these, so training, evaluation and a
/// generated market in a test all go through the same code.
/// </summary>
public sealed record MarketplaceSnapshot(
    IReadOnlyList<SnapshotCleaner> Cleaners,
    IReadOnlyList<SnapshotProperty> Properties,
    IReadOnlyList<SnapshotJob> Jobs,
    IReadOnlyList<SnapshotBid> Bids,
    IReadOnlyList<SnapshotReview> Reviews,
    IReadOnlyList<SnapshotPayment> Payments);

public sealed record SnapshotCleaner(long Id, string DisplayName, decimal HourlyRate, double Latitude, double Longitude, bool OffersEco);

public sealed record SnapshotProperty(long Id, long ClientId, string PropertyType, double SizeM2, double Latitude, double Longitude, bool EcoPreference);

/// <summary>A job as folded: null where its event has not arrived (a job is only usable once posted).</summary>
public sealed record SnapshotJob(
    long Id,
    long? ClientId,
    long? PropertyId,
    double? EstimatedHours,
    decimal? ClientBudget,
    DateTimeOffset? PostedAt,
    long? AcceptedBidId,
    long? AcceptedCleanerId,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ScheduledStart,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt,
    int? PhotoCount);

public sealed record SnapshotBid(long Id, long JobId, long CleanerId, decimal Amount, DateTimeOffset PlacedAt);

public sealed record SnapshotReview(
    long Id,
    long JobId,
    long CleanerId,
    long ClientId,
    int Overall,
    int Quality,
    int Communication,
    int Professionalism,
    int Timeliness,
    DateTimeOffset SubmittedAt);

public sealed record SnapshotPayment(long Id, long JobId, long CleanerId, decimal Amount, decimal PlatformFee, DateTimeOffset PaidAt);
