using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>The ways a bidder is scored for the hire measure, each 0-100 where it is a score (as the engine's modes are).</summary>
public static class HireScorers
{
    /// <summary>Wide enough to keep every bidder: the measure ranks bidders, it does not filter them by distance.</summary>
    public const double KeepEveryBidderKm = 500;

    /// <summary>The default ensemble: 60% rule-based, 40% neural.</summary>
    public const double DefaultRuleWeight = 0.6;

    /// <summary>The rule-based engine's score; an inactive cleaner (which the engine filters out) scores 0.</summary>
    public static double RuleBased(HireCase job, HireBidder bidder) =>
        CleanerMatchScorer.Score(job.Job, bidder.Cleaner, KeepEveryBidderKm)?.Score ?? 0;

    /// <summary>The cheapest bid first.</summary>
    public static double Cheapest(HireCase job, HireBidder bidder) => -(double)bidder.Amount;

    public static double Ensemble(double ruleBased, double neural, double ruleWeight = DefaultRuleWeight) =>
        ruleWeight * ruleBased + (1 - ruleWeight) * neural;
}
