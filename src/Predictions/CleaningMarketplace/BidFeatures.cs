namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// The bid model's input (seed 004 §2.D: job characteristics, market data, the cleaner's history), shared by
/// training and serving. Amounts are EUR/1000 and rates EUR/h / 50, so every value is about 0-1; an unknown
/// amount is 0 with its own "known" flag beside it, so the network can tell "no budget" from "a budget of 0".
/// </summary>
public static class BidFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "estimated_hours", "size_m2", "apartment", "house", "office", "villa", "eco_preference",
        "budget_known", "client_budget", "market_known", "market_per_hour",
        "hourly_rate", "average_bid_known", "average_bid", "win_rate", "overall_score",
        "current_bid_count", "lowest_bid_known", "lowest_bid",
    ];

    public static int Count => Names.Count;

    /// <param name="marketAveragePerHour">What accepted bids paid per estimated hour for this property type, if known.</param>
    public static float[] Row(JobFacts job, CleanerFacts cleaner, decimal? marketAveragePerHour)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(cleaner);
        var type = job.PropertyType.Trim().ToLowerInvariant();
        float[] row =
        [
            (float)(MatchParts.SafeHours(job.EstimatedHours) / 10),
            Finite(job.SizeM2 / 1000),
            type == "apartment" ? 1 : 0,
            type == "house" ? 1 : 0,
            type == "office" ? 1 : 0,
            type == "villa" ? 1 : 0,
            job.EcoPreference ? 1 : 0,
            job.ClientBudget > 0 ? 1 : 0,
            job.ClientBudget > 0 ? (float)(job.ClientBudget.Value / 1000) : 0,
            marketAveragePerHour > 0 ? 1 : 0,
            marketAveragePerHour > 0 ? (float)(marketAveragePerHour.Value / 50) : 0,
            (float)(cleaner.HourlyRate / 50),
            cleaner.AverageBid > 0 ? 1 : 0,
            cleaner.AverageBid > 0 ? (float)(cleaner.AverageBid.Value / 1000) : 0,
            cleaner.WinRate is { } w && double.IsFinite(w) ? (float)Math.Clamp(w, 0, 1) : (float)CleanerMatchFeatures.NoEvidence,
            Finite(cleaner.OverallScore / 100),
            Math.Min(job.CurrentBidCount, 20) / 10f,
            job.LowestBid > 0 ? 1 : 0,
            job.LowestBid > 0 ? (float)(job.LowestBid.Value / 1000) : 0,
        ];
        return row;
    }

    private static float Finite(double value) => double.IsFinite(value) ? (float)value : 0f;
}
