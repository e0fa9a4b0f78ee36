namespace iAyos.Messaging.Contracts.Recommendations;

public sealed record RecommendCleanersForJob
{
    public required long JobId { get; init; }
    public int Limit { get; init; } = 10;
    public double MaxDistanceKm { get; init; } = 20;
}

public sealed record CleanerRecommendationList
{
    public required long JobId { get; init; }
    public required string Mode { get; init; }
    public required IReadOnlyList<RecommendedCleaner> Recommendations { get; init; }
}

public sealed record RecommendedCleaner
{
    public required Guid RecommendationId { get; init; }
    public required long CleanerId { get; init; }
    public required string DisplayName { get; init; }
    public required int Rank { get; init; }
    public required double Score { get; init; }
    public required double RuleBasedScore { get; init; }
    public required double DistanceKm { get; init; }
    public required CleanerMatchBreakdown Breakdown { get; init; }
    public required IReadOnlyList<string> Reasoning { get; init; }
}

/// <summary>Each part 0-100.</summary>
public sealed record CleanerMatchBreakdown(double Quality, double Location, double Pricing, double Specialization, double Availability);
