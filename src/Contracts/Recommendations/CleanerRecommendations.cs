namespace iAyos.Messaging.Contracts.Recommendations;

public sealed record RecommendCleanersForJob
{
    public required long JobId { get; init; }
    public int Limit { get; init; } = 10;
    public double MaxDistanceKm { get; init; } = 20;
    /// <summary><see cref="RecommendationModes"/>; null means the worker's configured default.</summary>
    public string? Mode { get; init; }
}

public sealed record CleanerRecommendationList
{
    public required long JobId { get; init; }
    /// <summary>The mode that ranked this list (rule_based after a fallback).</summary>
    public required string Mode { get; init; }
    /// <summary>The mode asked for (the configured default when the request named none).</summary>
    public string? RequestedMode { get; init; }
    /// <summary>The cleaner-match version that scored the list; null when no network did.</summary>
    public int? ModelVersion { get; init; }
    /// <summary>Why the list fell back to rule_based (<see cref="RecommendationFallbacks"/>); null when it did not.</summary>
    public string? Fallback { get; init; }
    /// <summary>True when the ranking came from the cache (seed 004's Redis); every showing still gets its own ids.</summary>
    public bool FromCache { get; init; }
    /// <summary>The running experiment the client is in when the request named no mode; null otherwise.</summary>
    public string? Experiment { get; init; }
    /// <summary>The client's arm in <see cref="Experiment"/>: the mode asked for on their behalf.</summary>
    public string? Arm { get; init; }
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
    /// <summary>100 x the network's output; null when the network did not score this list.</summary>
    public double? NeuralScore { get; init; }
    public required double DistanceKm { get; init; }
    public required CleanerMatchBreakdown Breakdown { get; init; }
    public required IReadOnlyList<string> Reasoning { get; init; }
}

/// <summary>Each part 0-100.</summary>
public sealed record CleanerMatchBreakdown(double Quality, double Location, double Pricing, double Specialization, double Availability);
