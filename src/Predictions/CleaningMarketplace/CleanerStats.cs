namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>Everything the read model says about one cleaner, aggregated by one set-based query.</summary>
public sealed record CleanerStats
{
    public long CleanerId { get; init; }
    public int CompletedJobs { get; init; }
    /// <summary>Accepted jobs later cancelled.</summary>
    public int CancelledJobs { get; init; }
    /// <summary>Accepted jobs, whatever became of them (completed, cancelled, in progress).</summary>
    public int AcceptedJobs { get; init; }
    /// <summary>Completed jobs with both a scheduled and an actual start.</summary>
    public int TimedJobs { get; init; }
    public int OnTimeJobs { get; init; }
    public int JobsWithPhotos { get; init; }
    public int JobsInProgress { get; init; }
    public int ReviewCount { get; init; }
    public double? AvgOverall { get; init; }
    public double? AvgQuality { get; init; }
    public double? AvgCommunication { get; init; }
    public double? AvgProfessionalism { get; init; }
    public double? AvgTimeliness { get; init; }
    public int BidsPlaced { get; init; }
    public int BidsWon { get; init; }
    public decimal? AverageBid { get; init; }
    /// <summary>The cleaner's average bid per estimated hour of the job.</summary>
    public double? AverageBidPerHour { get; init; }
    public decimal TotalEarnings { get; init; }
    public int JobsLast30Days { get; init; }
    public int JobsLast90Days { get; init; }
    public int BidsLast30Days { get; init; }
    public string? PrimaryPropertyType { get; init; }
    public double EcoShare { get; init; }
}
