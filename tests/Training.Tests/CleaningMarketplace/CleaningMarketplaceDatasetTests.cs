using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace;
using Xunit;

namespace iAyos.Messaging.Training.Tests.CleaningMarketplace;

public sealed class CleaningMarketplaceDatasetTests
{
    private static readonly Lazy<(MarketplaceSnapshot Snapshot, CleaningMarketplaceDataset Data)> Market = new(() =>
    {
        var generated = MarketplaceGenerator.Generate(new MarketplaceSpec(600, 40, 80, 7, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        var snapshot = MarketplaceFold.Fold(generated.Events);
        return (snapshot, CleaningMarketplaceDataset.Build(snapshot));
    });

    [Fact]
    public void A_match_row_never_includes_its_own_review_nor_anything_after_its_posting()
    {
        var (snapshot, data) = Market.Value;
        var reviews = snapshot.Reviews.ToDictionary(r => r.JobId);
        var rows = data.Match.Fit.Concat(data.Match.Validation).Concat(data.Match.Test).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows.Where((_, i) => i % 7 == 0))
        {
            var asOf = MarketplaceTimelineTests.BruteForce(snapshot, row.CleanerId, row.PostedAt);
            Assert.True(reviews[row.JobId].SubmittedAt > row.PostedAt);
            var withOwn = MarketplaceTimelineTests.BruteForce(snapshot, row.CleanerId, reviews[row.JobId].SubmittedAt.AddTicks(1));
            Assert.True(withOwn.ReviewCount > asOf.ReviewCount);
            // The row's rating features are the as-of averages, not the ones that include the job's own review.
            var expected = asOf.AvgQuality is { } q ? (float)Math.Clamp(q / 10, 0, 1) : (float)CleanerMatchFeatures.NoEvidence;
            Assert.Equal(expected, row.Features[8], 2);
            Assert.Equal(reviews[row.JobId].Overall / 10.0, row.Target);
        }
    }

    [Fact]
    public void Rows_split_by_posting_time_and_ids_come_from_the_fitted_rows_only()
    {
        var data = Market.Value.Data;
        Assert.True(data.Match.Fit[^1].PostedAt <= data.Match.Validation[0].PostedAt);
        Assert.True(data.Match.Validation[^1].PostedAt <= data.Match.Test[0].PostedAt);
        var total = data.Match.Fit.Count + data.Match.Validation.Count + data.Match.Test.Count;
        Assert.Equal(Math.Round(total * 0.2), data.Match.Test.Count, 0);
        Assert.Equal(data.Match.Fit.Select(r => r.CleanerId).Distinct().Order(), data.CleanerIds.Order());
        Assert.Equal(data.Match.Fit.Select(r => r.ClientId).Distinct().Order(), data.ClientIds.Order());
        Assert.Equal(data.Match.Fit[0].ClientId, data.ClientIds[0]);
        Assert.All(data.TestHires, h => Assert.True(h.PostedAt >= data.TestFrom));
        Assert.All(data.TestHires, h => Assert.Contains(h.Bidders, b => b.Cleaner.CleanerId == h.HiredCleanerId));
    }

    [Fact]
    public void A_bid_row_sees_only_the_bids_placed_before_the_accepted_one()
    {
        var (snapshot, data) = Market.Value;
        var jobs = snapshot.Jobs.ToDictionary(j => j.Id);
        foreach (var row in data.Bids.Fit.Concat(data.Bids.Test).Take(200))
        {
            var job = jobs[row.JobId];
            var accepted = snapshot.Bids.Single(b => b.Id == job.AcceptedBidId);
            var before = snapshot.Bids.Where(b => b.JobId == job.Id && (b.PlacedAt < accepted.PlacedAt || (b.PlacedAt == accepted.PlacedAt && b.Id < accepted.Id))).ToList();
            Assert.Equal(accepted.Amount, row.AcceptedAmount);
            Assert.Equal(Math.Min(before.Count, 20) / 10f, row.Features[BidFeatureIndex("current_bid_count")]);
            Assert.Equal(before.Count == 0 ? 0f : (float)(before.Min(b => b.Amount) / 1000), row.Features[BidFeatureIndex("lowest_bid")]);
        }
    }

    [Fact]
    public void Hire_accuracy_ranks_ties_deterministically_and_the_random_baseline_is_exact()
    {
        var cleaner = (long id) => new CleanerFacts(id, "c", 10, 0, 0, 50, 50, 50, null, 0, 0, true, 0, null, null);
        var job = new JobFacts(1, 1, "apartment", 50, 0, 0, false, 2, null, 0, null);
        HireBidder Bidder(long id, decimal amount) => new(id, cleaner(id), amount, new float[CleanerMatchFeatures.Count]);
        var five = new HireCase(1, DateTimeOffset.UnixEpoch, job, [Bidder(1, 50), Bidder(2, 40), Bidder(3, 60), Bidder(4, 45), Bidder(5, 45)], HiredCleanerId: 5);
        var two = new HireCase(2, DateTimeOffset.UnixEpoch, job, [Bidder(1, 50), Bidder(2, 40)], HiredCleanerId: 1);

        // All tied: cheapest first, then by id: 2 (40), 4 (45), 5 (45) -> cleaner 5 is third, a hit.
        Assert.True(HireAccuracy.IsHit(five, (_, _) => 1));
        // Cheapest-bid scoring gives the same order.
        Assert.True(HireAccuracy.IsHit(five, HireScorers.Cheapest));
        Assert.False(HireAccuracy.IsHit(five, (_, b) => b.Cleaner.CleanerId == 5 ? 0 : 1));

        var random = HireAccuracy.Random([five, two]);
        Assert.Equal((3.0 / 5 + 1.0) / 2, random.Accuracy, 12);
        Assert.Equal(1, random.JobsOver3);
        Assert.Equal(3.0 / 5, random.AccuracyOver3, 12);
    }

    private static int BidFeatureIndex(string name) => BidFeatures.Names.ToList().IndexOf(name);
}
