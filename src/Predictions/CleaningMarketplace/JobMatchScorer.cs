using iAyos.Messaging.Contracts.Recommendations;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// Rule-based score of an open job for a cleaner. No quality part: the cleaner is fixed, so only how the job
/// suits them (travel, pay, specialty, capacity) varies between candidates.
/// </summary>
public static class JobMatchScorer
{
    // Travel and pay dominate a cleaner's choice of job.
    public const double LocationWeight = 0.35;
    public const double PricingWeight = 0.30;
    public const double SpecializationWeight = 0.20;
    public const double AvailabilityWeight = 0.15;

    /// <summary>A job this far away (or farther) scores 0 on location; there is no hard cut-off here.</summary>
    public const double ReferenceRadiusKm = 30;

    /// <summary>Below this many bids, the job is called lightly contested.</summary>
    public const int FewBids = 3;

    public static JobMatch Score(JobFacts job, CleanerFacts cleaner)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(cleaner);

        var distance = MatchParts.Distance(job, cleaner);
        var location = MatchParts.Round1(MatchParts.Clamp100(100 * Math.Max(0, 1 - distance / ReferenceRadiusKm)));
        var pricing = MatchParts.Round1(MatchParts.Pricing(job, cleaner));
        var specialization = MatchParts.Round1(MatchParts.Specialization(job, cleaner));
        var availability = MatchParts.Round1(MatchParts.Availability(cleaner));

        // Weighted sum of the rounded parts, so the score can be recomputed from the breakdown shown.
        var score = MatchParts.Round1(
            LocationWeight * location
            + PricingWeight * pricing
            + SpecializationWeight * specialization
            + AvailabilityWeight * availability);

        return new JobMatch(
            score,
            new JobMatchBreakdown(location, pricing, specialization, availability),
            Math.Round(distance, 2, MidpointRounding.AwayFromZero),
            Reasoning(job, cleaner, distance, pricing));
    }

    private static List<string> Reasoning(JobFacts job, CleanerFacts cleaner, double distance, double pricing)
    {
        var reasons = new List<string>
        {
            distance <= MatchParts.NearbyKm
                ? $"Close to you ({MatchParts.Km(distance)} km)"
                : $"{MatchParts.Km(distance)} km away",
        };
        if (job.ClientBudget is not null && pricing >= 100) reasons.Add("Budget covers your rate");
        if (MatchParts.IsSpecialtyMatch(job, cleaner)) reasons.Add($"Matches your specialty ({MatchParts.Plural(job.PropertyType)})");
        if (job.EcoPreference && MatchParts.IsEcoCleaner(cleaner)) reasons.Add("Eco-friendly client");
        if (job.CurrentBidCount < FewBids) reasons.Add($"Few competing bids ({Math.Max(0, job.CurrentBidCount)})");
        return reasons;
    }
}
