namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>What the read model knows about a job when matching it (EUR, km, hours).</summary>
public sealed record JobFacts(
    long JobId,
    long ClientId,
    string PropertyType,
    double SizeM2,
    double Latitude,
    double Longitude,
    bool EcoPreference,
    double EstimatedHours,
    decimal? ClientBudget,
    int CurrentBidCount,
    decimal? LowestBid,
    DateTimeOffset? PostedAt = null);

/// <summary>What the read model knows about a cleaner when matching: profile plus their CleanerScore (0-100 parts).</summary>
public sealed record CleanerFacts(
    long CleanerId,
    string DisplayName,
    decimal HourlyRate,
    double Latitude,
    double Longitude,
    double OverallScore,
    double QualityScore,
    double ReliabilityScore,
    string? PrimaryPropertyType,
    double EcoShare,
    int JobsInProgress,
    bool IsActive,
    int TotalJobs,
    decimal? AverageBid,
    double? WinRate,
    CleanerRatings? Ratings = null);

/// <summary>
/// The review averages (1-10) and rates (0-1) behind a cleaner's score, as the networks read them; null where
/// there is no evidence yet (no review, no timed job).
/// </summary>
public sealed record CleanerRatings(
    double? AvgOverall,
    double? Quality,
    double? Communication,
    double? Professionalism,
    double? Timeliness,
    double? CompletionRate,
    double? OnTimeRate)
{
    public static readonly CleanerRatings None = new(null, null, null, null, null, null, null);
}
