using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace;
using Xunit;

namespace iAyos.Messaging.Training.Tests.CleaningMarketplace;

public sealed class MarketplaceTimelineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Stats_as_of_every_posting_match_a_brute_force_recomputation_from_the_rows(int seed)
    {
        var snapshot = SmallMarket.Build(seed);
        var timeline = new MarketplaceTimeline(snapshot);
        var checkedStats = 0;
        foreach (var moment in snapshot.Jobs.Select(j => j.PostedAt!.Value).Order())
        {
            timeline.AdvanceTo(moment);
            foreach (var cleaner in snapshot.Cleaners)
            {
                Assert.Equal(Rounded(BruteForce(snapshot, cleaner.Id, moment)), Rounded(timeline.Stats(cleaner.Id)));
                checkedStats++;
            }
            Assert.Equal(BruteForceMarket(snapshot, moment) ?? -1, timeline.MarketBidPerHour ?? -1, 9);
        }
        Assert.True(checkedStats > 100);
    }

    [Fact]
    public void The_timeline_only_moves_forward()
    {
        var timeline = new MarketplaceTimeline(SmallMarket.Build(1));
        timeline.AdvanceTo(SmallMarket.Start.AddDays(10));
        Assert.Throws<InvalidOperationException>(() => timeline.AdvanceTo(SmallMarket.Start.AddDays(9)));
    }

    [Fact]
    public void A_fact_at_the_moment_itself_is_not_yet_known()
    {
        var snapshot = SmallMarket.Build(4);
        var review = snapshot.Reviews[0];
        var timeline = new MarketplaceTimeline(snapshot);
        timeline.AdvanceTo(review.SubmittedAt);
        var before = timeline.Stats(review.CleanerId).ReviewCount;
        timeline.AdvanceTo(review.SubmittedAt.AddTicks(1));
        Assert.Equal(before + 1, timeline.Stats(review.CleanerId).ReviewCount);
    }

    [Fact]
    public void Market_per_hour_averages_the_accepted_bids_of_the_property_type_so_far()
    {
        var snapshot = SmallMarket.Build(5);
        var end = snapshot.Jobs.Max(j => j.AcceptedAt ?? DateTimeOffset.MinValue).AddDays(1);
        var timeline = new MarketplaceTimeline(snapshot);
        timeline.AdvanceTo(end);
        var properties = snapshot.Properties.ToDictionary(p => p.Id);
        var bids = snapshot.Bids.ToDictionary(b => b.Id);
        foreach (var type in new[] { "apartment", "house", "office", "villa" })
        {
            var perHour = snapshot.Jobs.Where(j => j.AcceptedBidId is not null && properties[j.PropertyId!.Value].PropertyType == type)
                .Select(j => (double)bids[j.AcceptedBidId!.Value].Amount / j.EstimatedHours!.Value).ToList();
            decimal? expected = perHour.Count == 0 ? null : Math.Round((decimal)perHour.Average(), 2, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, timeline.MarketPerHour(type));
        }
    }

    // Sums taken in another order differ in the last bits; nine decimals is far finer than any score reads.
    private static CleanerStats Rounded(CleanerStats s) => s with
    {
        AverageBidPerHour = s.AverageBidPerHour is { } v ? Math.Round(v, 9) : null,
        EcoShare = Math.Round(s.EcoShare, 9),
    };

    /// <summary>CleanerScoreStore's aggregate, restricted to what happened strictly before the moment, one cleaner at a time.</summary>
    internal static CleanerStats BruteForce(MarketplaceSnapshot s, long cleanerId, DateTimeOffset t)
    {
        var properties = s.Properties.ToDictionary(p => p.Id);
        var assigned = s.Jobs.Where(j => j.AcceptedCleanerId == cleanerId && j.AcceptedAt < t).ToList();
        bool Cancelled(SnapshotJob j) => j.CancelledAt < t;
        bool Done(SnapshotJob j) => j.CompletedAt < t && !Cancelled(j);
        var done = assigned.Where(Done).ToList();
        var reviews = s.Reviews.Where(r => r.CleanerId == cleanerId && r.SubmittedAt < t).ToList();
        var jobs = s.Jobs.ToDictionary(j => j.Id);
        var bids = s.Bids.Where(b => b.CleanerId == cleanerId && b.PlacedAt < t).ToList();
        var perHour = bids.Where(b => jobs[b.JobId].EstimatedHours > 0).Select(b => (double)b.Amount / jobs[b.JobId].EstimatedHours!.Value).ToList();
        return new CleanerStats
        {
            CleanerId = cleanerId,
            AcceptedJobs = assigned.Count,
            CompletedJobs = done.Count,
            CancelledJobs = assigned.Count(Cancelled),
            JobsInProgress = assigned.Count(j => !Done(j) && !Cancelled(j)),
            TimedJobs = done.Count(j => j.StartedAt is not null && j.ScheduledStart is not null),
            OnTimeJobs = done.Count(j => j.StartedAt <= j.ScheduledStart + CleanerScoreCalculator.OnTimeGrace),
            JobsWithPhotos = done.Count(j => j.PhotoCount > 0),
            JobsLast30Days = done.Count(j => j.CompletedAt > t.AddDays(-30)),
            JobsLast90Days = done.Count(j => j.CompletedAt > t.AddDays(-90)),
            ReviewCount = reviews.Count,
            AvgOverall = reviews.Count == 0 ? null : reviews.Average(r => r.Overall),
            AvgQuality = reviews.Count == 0 ? null : reviews.Average(r => r.Quality),
            AvgCommunication = reviews.Count == 0 ? null : reviews.Average(r => r.Communication),
            AvgProfessionalism = reviews.Count == 0 ? null : reviews.Average(r => r.Professionalism),
            AvgTimeliness = reviews.Count == 0 ? null : reviews.Average(r => r.Timeliness),
            BidsPlaced = bids.Count,
            BidsWon = bids.Count(b => jobs[b.JobId].AcceptedBidId == b.Id && jobs[b.JobId].AcceptedAt < t),
            AverageBid = bids.Count == 0 ? null : Math.Round(bids.Average(b => b.Amount), 2, MidpointRounding.AwayFromZero),
            AverageBidPerHour = perHour.Count == 0 ? null : perHour.Average(),
            BidsLast30Days = bids.Count(b => b.PlacedAt > t.AddDays(-30)),
            TotalEarnings = s.Payments.Where(p => p.CleanerId == cleanerId && p.PaidAt < t).Sum(p => p.Amount - p.PlatformFee),
            PrimaryPropertyType = done.GroupBy(j => properties[j.PropertyId!.Value].PropertyType)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault(),
            EcoShare = done.Count == 0 ? 0 : done.Average(j => properties[j.PropertyId!.Value].EcoPreference ? 1.0 : 0.0),
        };
    }

    private static double? BruteForceMarket(MarketplaceSnapshot s, DateTimeOffset t)
    {
        var jobs = s.Jobs.ToDictionary(j => j.Id);
        var perHour = s.Bids.Where(b => b.PlacedAt < t && jobs[b.JobId].EstimatedHours > 0).Select(b => (double)b.Amount / jobs[b.JobId].EstimatedHours!.Value).ToList();
        return perHour.Count == 0 ? null : perHour.Average();
    }
}
