using iAyos.Messaging.Contracts.Recommendations;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// Rule-based score of a cleaner for a client's job. Works from day one with no training data, and every
/// part is explainable, which is what the reasoning lines are built from.
/// </summary>
public static class CleanerMatchScorer
{
    // A client cares most about who turns up (quality), then how far they come; price and fit follow.
    public const double QualityWeight = 0.35;
    public const double LocationWeight = 0.25;
    public const double PricingWeight = 0.15;
    public const double SpecializationWeight = 0.15;
    public const double AvailabilityWeight = 0.10;

    public const double HighQuality = 80;
    public const double GoodQuality = 65;

    /// <summary>
    /// Null when the cleaner is inactive or farther than <paramref name="maxDistanceKm"/>: such cleaners are
    /// filtered out, not merely ranked low.
    /// </summary>
    public static CleanerMatch? Score(JobFacts job, CleanerFacts cleaner, double maxDistanceKm)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(cleaner);
        if (!double.IsFinite(maxDistanceKm) || maxDistanceKm <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxDistanceKm), maxDistanceKm, "Must be a positive number of km.");

        if (!cleaner.IsActive) return null;
        var distance = MatchParts.Distance(job, cleaner);
        if (!(distance <= maxDistanceKm)) return null;

        var quality = MatchParts.Round1(MatchParts.Clamp100(cleaner.QualityScore));
        // Linear: 100 on the doorstep, 0 at the edge of the search radius.
        var location = MatchParts.Round1(MatchParts.Clamp100(100 * (1 - distance / maxDistanceKm)));
        var pricing = MatchParts.Round1(MatchParts.Pricing(job, cleaner));
        var specialization = MatchParts.Round1(MatchParts.Specialization(job, cleaner));
        var availability = MatchParts.Round1(MatchParts.Availability(cleaner));

        // Weighted sum of the rounded parts, so the score can be recomputed from the breakdown shown.
        var score = MatchParts.Round1(
            QualityWeight * quality
            + LocationWeight * location
            + PricingWeight * pricing
            + SpecializationWeight * specialization
            + AvailabilityWeight * availability);

        return new CleanerMatch(
            score,
            new CleanerMatchBreakdown(quality, location, pricing, specialization, availability),
            Math.Round(distance, 2, MidpointRounding.AwayFromZero),
            Reasoning(job, cleaner, quality, distance, pricing));
    }

    private static List<string> Reasoning(JobFacts job, CleanerFacts cleaner, double quality, double distance, double pricing)
    {
        var reasons = new List<string>();
        if (quality >= HighQuality) reasons.Add($"High quality score ({MatchParts.Number(quality)}/100)");
        else if (quality >= GoodQuality) reasons.Add($"Good quality score ({MatchParts.Number(quality)}/100)");

        reasons.Add(distance <= MatchParts.NearbyKm
            ? $"Nearby ({MatchParts.Km(distance)} km)"
            : $"Within {MatchParts.Km(distance)} km");

        if (job.ClientBudget is not null && pricing >= 100) reasons.Add("Within the client's budget");
        if (MatchParts.IsSpecialtyMatch(job, cleaner)) reasons.Add($"Specializes in {MatchParts.Plural(job.PropertyType)}");
        if (job.EcoPreference && MatchParts.IsEcoCleaner(cleaner)) reasons.Add("Uses eco-friendly products");
        if (cleaner.JobsInProgress <= 0) reasons.Add("Available now");
        if (cleaner.TotalJobs <= 0) reasons.Add("New on the platform");
        return reasons;
    }
}
