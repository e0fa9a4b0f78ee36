namespace iAyos.Messaging.Contracts.Predictions;

/// <summary>
/// A worker as known at one moment (a job's start, or now): the profile version in effect then, and the jobs
/// they completed and the reviews clients gave before it, never later ones. Seed 001's six worker-history
/// features come from here, plus the worker's pace (the served completion-time model's strongest signal).
/// </summary>
public sealed record WorkerHistory
{
    public int CompletedJobs { get; init; }
    public int ReviewedJobs { get; init; }
    /// <summary>Mean review rating 1-5 over <see cref="ReviewedJobs"/>; null with none.</summary>
    public double? AverageRating { get; init; }
    /// <summary>Mean client satisfaction 0-100 over <see cref="ReviewedJobs"/>; null with none.</summary>
    public double? AverageSatisfaction { get; init; }
    /// <summary>PHP: the budgets of the completed jobs.</summary>
    public decimal TotalEarnings { get; init; }
    /// <summary>Mean ln(hours / the category's usual hours) over completed jobs with both timestamps: above 0 slower than
    /// usual, below 0 faster; null with none.</summary>
    public double? PaceLog { get; init; }
    public int PacedJobs { get; init; }
    public int SpecializationsCount { get; init; }
    public double YearsExperience { get; init; }
    /// <summary>Percent, 0-100.</summary>
    public double ProfileCompletion { get; init; }
}
