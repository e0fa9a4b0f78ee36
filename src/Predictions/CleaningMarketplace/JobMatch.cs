using iAyos.Messaging.Contracts.Recommendations;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>How well one job fits one cleaner, from the cleaner's side: score and parts 0-100, distance in km.</summary>
public sealed record JobMatch(
    double Score,
    JobMatchBreakdown Breakdown,
    double DistanceKm,
    IReadOnlyList<string> Reasoning);
