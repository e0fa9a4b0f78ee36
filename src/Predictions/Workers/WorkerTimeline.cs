using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.Workers;

/// <summary>One version of a worker's profile, in effect from <see cref="ValidFrom"/>.</summary>
public sealed record WorkerProfileVersion(
    DateTimeOffset ValidFrom,
    int BioLength,
    double ProfileCompletion,
    decimal? HourlyRate,
    double YearsExperience,
    IReadOnlyList<string> Specializations,
    int Certifications,
    int VerifiedCertifications,
    bool IsActive);

/// <summary>A job the worker completed, with its review when there is one.</summary>
/// <param name="Hours">Start to completion; null without a start time.</param>
/// <param name="CategoryHours">The category's usual hours (<c>iayos.categories.default_hours</c>), what pace is measured against.</param>
public sealed record WorkerJobFact(
    long JobId,
    int CategoryId,
    DateTimeOffset? StartedAt,
    DateTimeOffset CompletedAt,
    double? Hours,
    double CategoryHours,
    decimal Earnings,
    int? Rating,
    double? Satisfaction,
    DateTimeOffset? ReviewedAt);

/// <summary>
/// Everything known about one worker over time, read "as of" a moment: the profile version in effect then, jobs
/// completed strictly before it, reviews given strictly before it. Training and serving both go through here,
/// so a feature can never see a job that had not finished when the prediction would have been made.
/// </summary>
public sealed class WorkerTimeline
{
    private readonly List<WorkerProfileVersion> _profiles;
    private readonly List<WorkerJobFact> _jobs;

    public WorkerTimeline(long workerId, IEnumerable<WorkerProfileVersion> profiles, IEnumerable<WorkerJobFact> jobs)
    {
        WorkerId = workerId;
        _profiles = profiles.OrderBy(p => p.ValidFrom).ToList();
        _jobs = jobs.OrderBy(j => j.CompletedAt).ToList();
    }

    public long WorkerId { get; }

    public IReadOnlyList<WorkerProfileVersion> Profiles => _profiles;

    public IReadOnlyList<WorkerJobFact> Jobs => _jobs;

    /// <summary>The profile in effect at <paramref name="at"/> (the last version from at or before it).</summary>
    public WorkerProfileVersion? ProfileAsOf(DateTimeOffset at) => _profiles.LastOrDefault(p => p.ValidFrom <= at);

    /// <summary>Jobs completed strictly before <paramref name="at"/>.</summary>
    public IEnumerable<WorkerJobFact> CompletedBefore(DateTimeOffset at) => _jobs.TakeWhile(j => j.CompletedAt < at);

    /// <summary>Jobs completed in (<paramref name="from"/>, <paramref name="to"/>], for outcomes after a cut-off.</summary>
    public IEnumerable<WorkerJobFact> CompletedBetween(DateTimeOffset from, DateTimeOffset to) =>
        _jobs.Where(j => j.CompletedAt > from && j.CompletedAt <= to);

    /// <summary>The worker's history as of <paramref name="at"/>; the profile parts are zero before the first profile.</summary>
    public WorkerHistory HistoryAsOf(DateTimeOffset at)
    {
        var done = CompletedBefore(at).ToList();
        var reviewed = done.Where(j => j.Rating is not null && j.ReviewedAt < at).ToList();
        var paced = done.Where(j => j.Hours is > 0 && j.CategoryHours > 0).ToList();
        var profile = ProfileAsOf(at);
        return new WorkerHistory
        {
            CompletedJobs = done.Count,
            ReviewedJobs = reviewed.Count,
            AverageRating = reviewed.Count > 0 ? reviewed.Average(j => j.Rating!.Value) : null,
            AverageSatisfaction = reviewed.Count > 0 ? reviewed.Average(j => j.Satisfaction ?? 0) : null,
            TotalEarnings = done.Sum(j => j.Earnings),
            PaceLog = paced.Count > 0 ? paced.Average(j => Math.Log(Math.Clamp(j.Hours!.Value, 0.5, 720) / j.CategoryHours)) : null,
            PacedJobs = paced.Count,
            SpecializationsCount = profile?.Specializations.Count ?? 0,
            YearsExperience = profile?.YearsExperience ?? 0,
            ProfileCompletion = profile?.ProfileCompletion ?? 0,
        };
    }
}
