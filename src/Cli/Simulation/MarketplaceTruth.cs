using System.Text.Json.Serialization;
using iAyos.Messaging.Training.CleaningMarketplace;

namespace iAyos.Messaging.Cli.Simulation;

/// <summary>
/// The best achievable on a generated marketplace, from its hidden truth, measured on the same held-out rows as
/// the models: the oracle's top-3 (bidders ranked by the client's noise-free selection utility), the review
/// target's noise floor (each review predicted by its exact expected value given the cleaner's reputation), and
/// two figures that say what the hires are made of: top-3 by true reputation alone (all a perfect review model
/// knows) and the share of hires that went to the cheapest bid.
/// </summary>
public sealed record MarketplaceTruth
{
    [JsonPropertyName("top3_oracle")] public required HireAccuracy Oracle { get; init; }
    [JsonPropertyName("top3_true_reputation")] public required HireAccuracy TrueReputation { get; init; }
    [JsonPropertyName("hires_cheapest_share")] public double HiresCheapestShare { get; init; }
    [JsonPropertyName("review_noise_floor")] public required RegressionMetrics ReviewNoiseFloor { get; init; }

    public static MarketplaceTruth Measure(GeneratedMarketplace market, CleaningMarketplaceDataset data)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(data);
        var hires = data.TestHires;
        var expected = data.Match.Test.Select(r =>
        {
            var band = market.CleanerTiers[r.CleanerId].Profile();
            return ReviewTruth.Expected(market.CleanerReputations[r.CleanerId], band.MinRating, band.MaxRating) / 10;
        }).ToList();
        return new MarketplaceTruth
        {
            Oracle = HireAccuracy.Measure(hires, (_, b) => market.BidUtilities[b.BidId]),
            TrueReputation = HireAccuracy.Measure(hires, (_, b) => market.CleanerReputations[b.Cleaner.CleanerId]),
            HiresCheapestShare = hires.Count == 0 ? 0
                : hires.Count(h => h.Bidders.First(b => b.Cleaner.CleanerId == h.HiredCleanerId).Amount == h.Bidders.Min(b => b.Amount)) / (double)hires.Count,
            ReviewNoiseFloor = RegressionMetrics.Compute(expected, data.Match.Test.Select(r => r.Target).ToList()),
        };
    }
}
