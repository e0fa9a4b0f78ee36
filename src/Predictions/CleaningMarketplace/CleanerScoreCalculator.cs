namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// Seed 004's weighted rule: quality 30%, reliability 25%, experience 20%, bidding 15%, activity 10%.
/// The seed names the inputs of each part but not how they combine; the formulas here are ours, each
/// part 0-100, and a part with no evidence yet (no review, no accepted job, no bid) scores a neutral 50
/// so a newcomer is neither buried nor promoted.
/// </summary>
public static class CleanerScoreCalculator
{
    public const double QualityWeight = 0.30, ReliabilityWeight = 0.25, ExperienceWeight = 0.20, BiddingWeight = 0.15, ActivityWeight = 0.10;
    public const double Neutral = 50;

    /// <summary>Jobs and net earnings (EUR) at which the experience part saturates.</summary>
    public const int ExperiencedJobs = 100;
    public const double ExperiencedEarnings = 20_000;

    /// <summary>A start up to this late still counts as on time.</summary>
    public static readonly TimeSpan OnTimeGrace = TimeSpan.FromMinutes(15);

    /// <summary>Reviews are 1-10: overall weighs 40%, each of the four sub-ratings 15%.</summary>
    public static double Quality(CleanerStats s)
    {
        if (s.ReviewCount == 0 || s.AvgOverall is null)
            return Neutral;
        var weighted = 0.40 * s.AvgOverall.Value
            + 0.15 * (s.AvgQuality ?? s.AvgOverall.Value)
            + 0.15 * (s.AvgCommunication ?? s.AvgOverall.Value)
            + 0.15 * (s.AvgProfessionalism ?? s.AvgOverall.Value)
            + 0.15 * (s.AvgTimeliness ?? s.AvgOverall.Value);
        return Math.Clamp(weighted * 10, 0, 100);
    }

    public static double? CompletionRate(CleanerStats s) =>
        s.CompletedJobs + s.CancelledJobs == 0 ? null : (double)s.CompletedJobs / (s.CompletedJobs + s.CancelledJobs);

    public static double? CancellationRate(CleanerStats s) => s.AcceptedJobs == 0 ? null : (double)s.CancelledJobs / s.AcceptedJobs;

    public static double? OnTimeRate(CleanerStats s) => s.TimedJobs == 0 ? null : (double)s.OnTimeJobs / s.TimedJobs;

    public static double? PhotoRate(CleanerStats s) => s.CompletedJobs == 0 ? null : (double)s.JobsWithPhotos / s.CompletedJobs;

    /// <summary>35% completion, 30% on time, 20% completion photos, 15% not cancelling.</summary>
    public static double Reliability(CleanerStats s)
    {
        if (s.AcceptedJobs == 0)
            return Neutral;
        var completion = CompletionRate(s) ?? 0.5;
        var onTime = OnTimeRate(s) ?? 0.5;
        var photos = PhotoRate(s) ?? 0.5;
        var cancellation = CancellationRate(s) ?? 0;
        return 100 * (0.35 * completion + 0.30 * onTime + 0.20 * photos + 0.15 * (1 - cancellation));
    }

    /// <summary>Logarithmic in jobs (60%) and in net earnings (40%): the 10th job counts more than the 90th.</summary>
    public static double Experience(CleanerStats s)
    {
        var jobs = Math.Min(1, Math.Log(1 + s.CompletedJobs) / Math.Log(1 + ExperiencedJobs));
        var earnings = Math.Min(1, Math.Log(1 + (double)Math.Max(0, s.TotalEarnings)) / Math.Log(1 + ExperiencedEarnings));
        return 100 * (0.6 * jobs + 0.4 * earnings);
    }

    public static double? WinRate(CleanerStats s) => s.BidsPlaced == 0 ? null : (double)s.BidsWon / s.BidsPlaced;

    /// <summary>
    /// 60% win rate (a 50% win rate or better is full marks), 40% pricing power: the cleaner's average bid
    /// per hour against the market's. Bidding at the market level scores 0.5, half again above it full
    /// marks, half below it nothing: winning work at a higher price is the market's own verdict on quality.
    /// (Whether a cleaner fits a given client's budget is the recommendation's pricing part, not this.)
    /// </summary>
    public static double Bidding(CleanerStats s, double? marketBidPerHour)
    {
        if (s.BidsPlaced == 0)
            return Neutral;
        var win = Math.Min(1, WinRate(s)!.Value / 0.5);
        var price = 0.5;
        if (s.AverageBidPerHour is > 0 && marketBidPerHour is > 0)
            price = Math.Clamp(0.5 + (s.AverageBidPerHour.Value / marketBidPerHour.Value - 1), 0, 1);
        return 100 * (0.6 * win + 0.4 * price);
    }

    /// <summary>60% jobs in the last 30 days (4 or more is full), 40% in the last 90 (10 or more).</summary>
    public static double Activity(CleanerStats s) =>
        100 * (0.6 * Math.Min(1, s.JobsLast30Days / 4.0) + 0.4 * Math.Min(1, s.JobsLast90Days / 10.0));

    public static bool IsActive(CleanerStats s) => s.JobsLast90Days > 0 || s.BidsLast30Days > 0;

    public static CleanerScore Compute(CleanerStats s, double? marketBidPerHour)
    {
        var quality = Quality(s);
        var reliability = Reliability(s);
        var experience = Experience(s);
        var bidding = Bidding(s, marketBidPerHour);
        var activity = Activity(s);
        var overall = QualityWeight * quality + ReliabilityWeight * reliability + ExperienceWeight * experience
            + BiddingWeight * bidding + ActivityWeight * activity;
        return new CleanerScore(
            s.CleanerId, R(overall), R(quality), R(reliability), R(experience), R(bidding), R(activity),
            R(s.AvgOverall), R(s.AvgQuality * 10), R(s.AvgCommunication * 10), R(s.AvgProfessionalism * 10), R(s.AvgTimeliness * 10),
            s.ReviewCount, R4(CompletionRate(s)), R4(OnTimeRate(s)), R4(CancellationRate(s)), R4(PhotoRate(s)), R4(WinRate(s)),
            s.AverageBid is null ? null : Math.Round(s.AverageBid.Value, 2), s.CompletedJobs, Math.Round(s.TotalEarnings, 2),
            s.JobsLast30Days, s.JobsLast90Days, s.PrimaryPropertyType, Math.Round(s.EcoShare, 4), s.JobsInProgress, IsActive(s));
    }

    // Rounded so replays compare equal regardless of floating-point summation order in SQL.
    private static double R(double value) => Math.Round(value, 2);
    private static double? R(double? value) => value is null ? null : Math.Round(value.Value, 2);
    private static double? R4(double? value) => value is null ? null : Math.Round(value.Value, 4);
}
