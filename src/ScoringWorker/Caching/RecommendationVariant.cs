using System.Globalization;

namespace iAyos.Messaging.ScoringWorker.Caching;

/// <summary>
/// What besides the job makes a ranked list different: the mode, how many, the radius, and anything else
/// a caller adds (an experiment arm, a model version). Two requests share an entry only when all of it is equal.
/// </summary>
public sealed record RecommendationVariant(string Mode, int Limit, double MaxDistanceKm, string? Extra = null)
{
    /// <summary>The key part, culture-invariant ("ensemble|10|20|...").</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Mode}|{Limit}|{MaxDistanceKm:R}|{Extra}");
}
