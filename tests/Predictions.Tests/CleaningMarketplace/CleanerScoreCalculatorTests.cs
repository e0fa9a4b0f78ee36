using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Predictions.Tests.CleaningMarketplace;

public class CleanerScoreCalculatorTests
{
    /// <summary>A cleaner with some of everything; each expected figure below is worked by hand.</summary>
    private static readonly CleanerStats Seasoned = new()
    {
        CleanerId = 7,
        ReviewCount = 4, AvgOverall = 9, AvgQuality = 8, AvgCommunication = 10, AvgProfessionalism = 9, AvgTimeliness = 7,
        AcceptedJobs = 10, CompletedJobs = 8, CancelledJobs = 2, TimedJobs = 8, OnTimeJobs = 6, JobsWithPhotos = 4,
        TotalEarnings = 1000m,
        BidsPlaced = 20, BidsWon = 8, AverageBid = 75m, AverageBidPerHour = 18,
        JobsLast30Days = 2, JobsLast90Days = 5, BidsLast30Days = 3,
        PrimaryPropertyType = "apartment", EcoShare = 0.25,
    };

    private static readonly CleanerStats Newcomer = new() { CleanerId = 8 };

    [Fact]
    public void Quality_weighs_overall_40_percent_and_each_sub_rating_15()
    {
        // 10 x (0.4 x 9 + 0.15 x (8 + 10 + 9 + 7)) = 10 x (3.6 + 5.1)
        Assert.Equal(87.0, CleanerScoreCalculator.Quality(Seasoned), 6);
    }

    [Fact]
    public void Reliability_combines_completion_on_time_photos_and_cancellations()
    {
        // 100 x (0.35 x 0.8 + 0.30 x 0.75 + 0.20 x 0.5 + 0.15 x (1 - 0.2))
        Assert.Equal(72.5, CleanerScoreCalculator.Reliability(Seasoned), 6);
        Assert.Equal(0.8, CleanerScoreCalculator.CompletionRate(Seasoned));
        Assert.Equal(0.75, CleanerScoreCalculator.OnTimeRate(Seasoned));
        Assert.Equal(0.2, CleanerScoreCalculator.CancellationRate(Seasoned));
        Assert.Equal(0.5, CleanerScoreCalculator.PhotoRate(Seasoned));
    }

    [Fact]
    public void Experience_is_logarithmic_in_jobs_and_earnings()
    {
        // 100 x (0.6 x ln 9 / ln 101 + 0.4 x ln 1001 / ln 20001)
        Assert.Equal(56.4697, CleanerScoreCalculator.Experience(Seasoned), 3);
        Assert.Equal(100.0, CleanerScoreCalculator.Experience(Seasoned with { CompletedJobs = 500, TotalEarnings = 90_000m }), 6);
    }

    [Fact]
    public void Experience_rewards_the_first_jobs_more_than_later_ones()
    {
        var tenth = CleanerScoreCalculator.Experience(Seasoned with { CompletedJobs = 10 }) - CleanerScoreCalculator.Experience(Seasoned with { CompletedJobs = 9 });
        var ninetieth = CleanerScoreCalculator.Experience(Seasoned with { CompletedJobs = 90 }) - CleanerScoreCalculator.Experience(Seasoned with { CompletedJobs = 89 });
        Assert.True(tenth > 5 * ninetieth);
    }

    [Fact]
    public void Bidding_scores_win_rate_and_pricing_power_against_the_market()
    {
        // win 8/20 = 0.4 -> 0.8 of the 50% target; price 0.5 + (18/20 - 1) = 0.4 -> 100 x (0.6 x 0.8 + 0.4 x 0.4)
        Assert.Equal(64.0, CleanerScoreCalculator.Bidding(Seasoned, marketBidPerHour: 20), 6);
        // No market level yet: the price part is the neutral 0.5 -> 100 x (0.48 + 0.2)
        Assert.Equal(68.0, CleanerScoreCalculator.Bidding(Seasoned, marketBidPerHour: null), 6);
        // Winning at 1.5x the market or more earns the whole price part; at half of it, none.
        Assert.Equal(88.0, CleanerScoreCalculator.Bidding(Seasoned with { AverageBidPerHour = 30 }, marketBidPerHour: 20), 6);
        Assert.Equal(48.0, CleanerScoreCalculator.Bidding(Seasoned with { AverageBidPerHour = 10 }, marketBidPerHour: 20), 6);
    }

    [Fact]
    public void Activity_counts_the_last_30_and_90_days()
    {
        // 100 x (0.6 x 2/4 + 0.4 x 5/10)
        Assert.Equal(50.0, CleanerScoreCalculator.Activity(Seasoned), 6);
        Assert.Equal(100.0, CleanerScoreCalculator.Activity(Seasoned with { JobsLast30Days = 9, JobsLast90Days = 30 }), 6);
    }

    [Fact]
    public void Overall_weighs_the_parts_30_25_20_15_10()
    {
        var score = CleanerScoreCalculator.Compute(Seasoned, marketBidPerHour: 20);

        // 0.30 x 87 + 0.25 x 72.5 + 0.20 x 56.4697 + 0.15 x 64 + 0.10 x 50
        Assert.Equal(70.12, score.OverallScore);
        Assert.Equal(87.0, score.QualityScore);
        Assert.Equal(72.5, score.ReliabilityScore);
        Assert.Equal(56.47, score.ExperienceScore);
        Assert.Equal(64.0, score.BiddingScore);
        Assert.Equal(50.0, score.ActivityScore);
        Assert.Equal(1.0, CleanerScoreCalculator.QualityWeight + CleanerScoreCalculator.ReliabilityWeight
            + CleanerScoreCalculator.ExperienceWeight + CleanerScoreCalculator.BiddingWeight + CleanerScoreCalculator.ActivityWeight, 9);
    }

    [Fact]
    public void Sub_ratings_are_reported_on_the_0_100_scale_with_specialization()
    {
        var score = CleanerScoreCalculator.Compute(Seasoned, 20);

        Assert.Equal(80.0, score.QualityRating);
        Assert.Equal(100.0, score.CommunicationRating);
        Assert.Equal(90.0, score.ProfessionalismRating);
        Assert.Equal(70.0, score.TimelinessRating);
        Assert.Equal(9.0, score.AvgOverallRating);
        Assert.Equal("apartment", score.PrimaryPropertyType);
        Assert.Equal(0.25, score.EcoShare);
        Assert.Equal(0.4, score.WinRate);
        Assert.True(score.IsActive);
    }

    [Fact]
    public void A_newcomer_gets_neutral_parts_where_there_is_no_evidence()
    {
        var score = CleanerScoreCalculator.Compute(Newcomer, 20);

        Assert.Equal(50.0, score.QualityScore);
        Assert.Equal(50.0, score.ReliabilityScore);
        Assert.Equal(0.0, score.ExperienceScore);
        Assert.Equal(50.0, score.BiddingScore);
        Assert.Equal(0.0, score.ActivityScore);
        // 0.30 x 50 + 0.25 x 50 + 0.15 x 50
        Assert.Equal(35.0, score.OverallScore);
        Assert.Null(score.CompletionRate);
        Assert.Null(score.WinRate);
        Assert.False(score.IsActive);
    }

    [Fact]
    public void A_cleaner_who_only_bid_recently_is_active()
    {
        Assert.True(CleanerScoreCalculator.IsActive(Newcomer with { BidsLast30Days = 1 }));
        Assert.False(CleanerScoreCalculator.IsActive(Newcomer with { BidsLast30Days = 0, JobsLast90Days = 0 }));
    }

    [Fact]
    public void Better_reviews_never_lower_the_overall_score()
    {
        var worse = CleanerScoreCalculator.Compute(Seasoned with { AvgOverall = 6 }, 20).OverallScore;
        var better = CleanerScoreCalculator.Compute(Seasoned with { AvgOverall = 10 }, 20).OverallScore;
        Assert.True(better > worse);
    }
}
