using iAyos.Messaging.Contracts.Recommendations;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>How well one cleaner fits one job, from the client's side: score and parts 0-100, distance in km.</summary>
public sealed record CleanerMatch(
    double Score,
    CleanerMatchBreakdown Breakdown,
    double DistanceKm,
    IReadOnlyList<string> Reasoning);
