namespace iAyos.Messaging.Contracts.Recommendations;

public sealed record RecommendJobsForCleaner
{
    public required long CleanerId { get; init; }
    public int Limit { get; init; } = 10;
    /// <summary><see cref="RecommendationModes"/>; null means the worker's configured default.</summary>
    public string? Mode { get; init; }
}

public sealed record JobRecommendationList
{
    public required long CleanerId { get; init; }
    public required string Mode { get; init; }
    public string? RequestedMode { get; init; }
    public int? ModelVersion { get; init; }
    public string? Fallback { get; init; }
    public required IReadOnlyList<RecommendedJob> Recommendations { get; init; }
}

public sealed record RecommendedJob
{
    public required Guid RecommendationId { get; init; }
    public required long JobId { get; init; }
    public required int Rank { get; init; }
    public required double Score { get; init; }
    public double RuleBasedScore { get; init; }
    public double? NeuralScore { get; init; }
    public required double DistanceKm { get; init; }
    public required JobMatchBreakdown Breakdown { get; init; }
    public required IReadOnlyList<string> Reasoning { get; init; }
}

/// <summary>Each part 0-100.</summary>
public sealed record JobMatchBreakdown(double Location, double Pricing, double Specialization, double Availability);
