using System.Globalization;
using iAyos.Messaging.Contracts.Recommendations;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// Rule-based bid suggestion: a weighted mean of the prices that anchor a job (the cleaner's own rate, the
/// market, the client's budget), nudged by the cleaner's win rate and by the competition already on the job.
/// </summary>
public static class BidSuggester
{
    // The market is the strongest signal of what wins; own rate and budget bound it from either side.
    public const decimal RateWeight = 0.3m;
    public const decimal MarketWeight = 0.4m;
    public const decimal BudgetWeight = 0.3m;

    /// <summary>Win rate 0 -> x0.95, 0.5 (also the assumption without history) -> x1.00, 1 -> x1.05.</summary>
    public const decimal WinRateBase = 0.95m;
    public const decimal WinRateSpan = 0.10m;
    public const double NeutralWinRate = 0.5;

    /// <summary>With this many bids in, a bid far above the lowest one is unlikely to win.</summary>
    public const int CompetitiveBidCount = 3;
    public const decimal LowestBidMarkup = 1.10m;

    public const decimal MinFactor = 0.85m;
    public const decimal MaxFactor = 1.15m;

    /// <summary>One cent: the floor that keeps every suggested amount positive whatever the inputs.</summary>
    public const decimal MinimumAmount = 0.01m;

    public static BidSuggestion Suggest(JobFacts job, CleanerFacts cleaner, decimal? marketAveragePerHour)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(cleaner);

        var hours = (decimal)MatchParts.SafeHours(job.EstimatedHours);
        var rateTotal = cleaner.HourlyRate * hours;
        var market = marketAveragePerHour * hours;
        var budget = job.ClientBudget;
        var reasons = new List<string>();

        // Non-positive anchors carry no price information; leaving them out renormalises the rest.
        var weighted = 0m;
        var weights = 0m;
        if (rateTotal > 0)
        {
            weighted += RateWeight * rateTotal;
            weights += RateWeight;
            reasons.Add($"Your rate for {Hours(hours)} h: {Eur(rateTotal)}");
        }
        if (market > 0)
        {
            weighted += MarketWeight * market.Value;
            weights += MarketWeight;
            reasons.Add($"Market average for this job: {Eur(market.Value)}");
        }
        if (budget > 0)
        {
            weighted += BudgetWeight * budget.Value;
            weights += BudgetWeight;
            reasons.Add($"Client budget: {Eur(budget.Value)}");
        }
        // Nothing to anchor on: the cleaner's own past bids are the last resort.
        var optimal = weights > 0 ? weighted / weights
            : cleaner.AverageBid > 0 ? cleaner.AverageBid.Value
            : MinimumAmount;

        var winRate = Math.Clamp(cleaner.WinRate is { } w && double.IsFinite(w) ? w : NeutralWinRate, 0, 1);
        optimal *= WinRateBase + WinRateSpan * (decimal)winRate;
        reasons.Add(WinRateReason(cleaner.WinRate, winRate));

        if (job.CurrentBidCount > 0)
        {
            var bids = job.CurrentBidCount == 1 ? "1 bid so far" : $"{job.CurrentBidCount} bids so far";
            reasons.Add(job.LowestBid > 0 ? $"{bids}, lowest {Eur(job.LowestBid.Value)}" : bids);
        }
        else
        {
            reasons.Add("No bids yet");
        }
        if (job.CurrentBidCount >= CompetitiveBidCount && job.LowestBid > 0 && optimal > job.LowestBid.Value * LowestBidMarkup)
        {
            optimal = job.LowestBid.Value * LowestBidMarkup;
            reasons.Add("Kept within 10% of the lowest bid to stay competitive");
        }

        // Round the optimal first so the budget comparison below is made against the amount actually shown.
        optimal = Money(optimal);
        var min = MinFactor * optimal;
        var max = MaxFactor * optimal;
        // Don't suggest more than the client offered, unless the optimal itself is already above it.
        if (budget > 0 && budget.Value >= optimal && budget.Value < max)
        {
            max = budget.Value;
            reasons.Add("Max capped at the client's budget");
        }

        // The one-cent floor can collapse neighbours; sorting guarantees min <= optimal <= max whatever happens.
        decimal[] amounts = [Money(min), optimal, Money(max)];
        Array.Sort(amounts);

        var inputs = new BidSuggestionInputs(
            budget,
            market is { } m ? Money(m) : null,
            cleaner.AverageBid,
            cleaner.WinRate,
            job.CurrentBidCount,
            job.LowestBid);
        return new BidSuggestion(amounts[0], amounts[1], amounts[2], inputs, reasons);
    }

    private static string WinRateReason(double? reported, double used)
    {
        if (reported is null || !double.IsFinite(reported.Value)) return "No bidding history yet, so no win-rate adjustment";
        var percent = (used * 100).ToString("0", CultureInfo.InvariantCulture);
        return used > NeutralWinRate ? $"Your win rate {percent}% supports a higher price"
            : used < NeutralWinRate ? $"Your win rate {percent}% suggests pricing a little lower"
            : $"Your win rate {percent}% keeps the price where the anchors put it";
    }

    private static decimal Money(decimal amount) =>
        Math.Max(MinimumAmount, Math.Round(amount, 2, MidpointRounding.AwayFromZero));

    private static string Eur(decimal amount) =>
        "€" + Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
