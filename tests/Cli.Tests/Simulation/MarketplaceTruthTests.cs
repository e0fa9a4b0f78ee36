using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.Training.CleaningMarketplace;
using Xunit;

namespace iAyos.Messaging.Cli.Tests.Simulation;

public sealed class MarketplaceTruthTests
{
    private static readonly Lazy<(GeneratedMarketplace Market, CleaningMarketplaceDataset Data)> Generated = new(() =>
    {
        var market = MarketplaceGenerator.Generate(new MarketplaceSpec(1200, 60, 150, 11, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)));
        return (market, CleaningMarketplaceDataset.Build(MarketplaceFold.Fold(market.Events)));
    });

    [Fact]
    public void Every_hire_is_within_the_selection_noise_of_the_best_noise_free_utility()
    {
        var market = Generated.Value.Market;
        var bidsByJob = market.Events.OfType<BidPlaced>().ToLookup(b => b.JobId);
        var accepted = market.Events.OfType<BidAccepted>().ToList();
        Assert.NotEmpty(accepted);
        foreach (var hire in accepted)
        {
            var utilities = bidsByJob[hire.JobId].Select(b => market.BidUtilities[b.BidId]).ToList();
            Assert.True(market.BidUtilities[hire.BidId] >= utilities.Max() - MarketplaceGenerator.SelectionNoise);
        }
    }

    [Fact]
    public void The_oracle_beats_every_baseline_and_the_noise_floor_is_below_the_training_mean()
    {
        var (market, data) = Generated.Value;
        var truth = MarketplaceTruth.Measure(market, data);

        Assert.True(truth.Oracle.Accuracy >= HireAccuracy.Measure(data.TestHires, HireScorers.RuleBased).Accuracy);
        Assert.True(truth.Oracle.Accuracy >= HireAccuracy.Measure(data.TestHires, HireScorers.Cheapest).Accuracy);
        Assert.True(truth.Oracle.Accuracy > HireAccuracy.Random(data.TestHires).Accuracy);
        Assert.True(truth.Oracle.Accuracy >= truth.TrueReputation.Accuracy);
        var mean = data.Match.Fit.Average(r => r.Target);
        var meanMse = RegressionMetrics.Compute([.. data.Match.Test.Select(_ => mean)], [.. data.Match.Test.Select(r => r.Target)]).Mse;
        Assert.True(truth.ReviewNoiseFloor.Mse < meanMse);
        Assert.True(truth.ReviewNoiseFloor.Mse > 0);
    }

    [Fact]
    public void The_cheapest_baseline_puts_the_three_cheapest_bids_first()
    {
        var data = Generated.Value.Data;
        var expected = data.TestHires.Count(h =>
            h.Bidders.OrderBy(b => b.Amount).ThenBy(b => b.Cleaner.CleanerId).Take(3).Any(b => b.Cleaner.CleanerId == h.HiredCleanerId));
        Assert.Equal((double)expected / data.TestHires.Count, HireAccuracy.Measure(data.TestHires, HireScorers.Cheapest).Accuracy, 12);
    }

    [Theory]
    [InlineData(7.5, 6, 8)]
    [InlineData(9.2, 9, 10)]
    [InlineData(5.1, 5, 7)]
    public void The_expected_review_is_the_mean_of_the_rounded_clamped_noise(double reputation, int min, int max)
    {
        // Against a direct simulation of the generator's rule.
        var random = new Random(5);
        double sum = 0;
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
        {
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            sum += Math.Clamp((int)Math.Round(reputation + MarketplaceGenerator.ReviewNoise * normal), min, max);
        }
        Assert.Equal(sum / draws, ReviewTruth.Expected(reputation, min, max), 2);
    }
}
