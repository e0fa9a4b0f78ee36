using iAyos.Messaging.Contracts.ServiceJobs;
using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Cli.DemoData;

/// <summary>A generated worker: the profile upstream publishes, and the hidden traits the generator planted.</summary>
/// <param name="Quality">Standard-normal latent quality: drives reviews, and (weakly, through noise) the profile.</param>
/// <param name="Pace">Duration multiplier with median 1: this worker's jobs take Pace times as long.</param>
public sealed record DemoWorker(
    long Id,
    DateTimeOffset RegisteredAt,
    string DisplayName,
    string Bio,
    double ProfileCompletion,
    decimal? HourlyRate,
    double YearsExperience,
    IReadOnlyList<string> Specializations,
    IReadOnlyList<WorkerCertification> Certifications,
    bool IsActive,
    double Quality,
    double Pace);

/// <summary>A generated job with the noise-free duration the generator planted (what a perfect model would predict).</summary>
/// <param name="ExpectedHours">The median of the job's duration given everything planted; null unless it has a worker.</param>
/// <param name="AssignedAt">When the worker was assigned; null without one.</param>
public sealed record DemoServiceJob(ServiceJob Job, string Title, string Description, DateTimeOffset? AssignedAt, double? ExpectedHours);

/// <summary>A whole generated iAyos marketplace: workers and jobs, as upstream events or as read-model records.</summary>
public sealed record ServiceJobWorld(IReadOnlyList<DemoWorker> Workers, IReadOnlyList<DemoServiceJob> Jobs, int Seed)
{
    /// <summary>What upstream publishes, in the order it happened. Event ids are derived from the seed and the fact,
    /// so publishing the same world again repeats the same events (and the read model ignores them).</summary>
    public IReadOnlyList<IServiceJobEvent> ToEvents()
    {
        var events = new List<IServiceJobEvent>(Workers.Count + Jobs.Count * 5);
        foreach (var w in Workers)
        {
            events.Add(new WorkerProfileUpdated
            {
                EventId = Id("profile", w.Id), OccurredAt = w.RegisteredAt, WorkerId = w.Id, DisplayName = w.DisplayName, Bio = w.Bio,
                ProfileCompletion = w.ProfileCompletion, HourlyRate = w.HourlyRate, YearsExperience = w.YearsExperience,
                Specializations = w.Specializations, Certifications = w.Certifications, IsActive = w.IsActive,
            });
        }
        foreach (var (job, title, description, assignedAt, _) in Jobs)
        {
            events.Add(new ServiceJobPosted
            {
                EventId = Id("posted", job.Id), OccurredAt = job.PostedAt, JobId = job.Id, CategoryId = job.CategoryId, Title = title,
                Description = description, Budget = job.Budget, Urgency = job.Urgency, SkillLevel = job.SkillLevel, Materials = job.Materials,
                JobType = job.JobType,
            });
            if (job.WorkerId is { } worker && assignedAt is { } assigned)
                events.Add(new ServiceJobAssigned { EventId = Id("assigned", job.Id), OccurredAt = assigned, JobId = job.Id, WorkerId = worker });
            if (job.StartedAt is { } started)
                events.Add(new ServiceJobStarted { EventId = Id("started", job.Id), OccurredAt = started, JobId = job.Id, WorkerId = job.WorkerId!.Value });
            if (job.CompletedAt is { } completed)
                events.Add(new ServiceJobCompleted { EventId = Id("completed", job.Id), OccurredAt = completed, JobId = job.Id, WorkerId = job.WorkerId!.Value });
            if (job.CancelledAt is { } cancelled)
                events.Add(new ServiceJobCancelled { EventId = Id("cancelled", job.Id), OccurredAt = cancelled, JobId = job.Id, Reason = "client cancelled" });
            if (job.Rating is { } rating && job.ReviewedAt is { } reviewed)
                events.Add(new ServiceJobReviewed
                {
                    EventId = Id("reviewed", job.Id), OccurredAt = reviewed, JobId = job.Id, WorkerId = job.WorkerId!.Value,
                    Rating = rating, Satisfaction = job.Satisfaction ?? 0,
                });
        }
        return events.OrderBy(e => e.OccurredAt).ToList();
    }

    /// <summary>The same facts as the read model folds them, without a database (for tests and benchmarks).</summary>
    /// <param name="categoryHours">Usual hours by category id (<c>iayos.categories.default_hours</c>).</param>
    public IReadOnlyDictionary<long, WorkerTimeline> Timelines(IReadOnlyDictionary<int, double> categoryHours)
    {
        var jobsByWorker = Jobs.Select(j => j.Job).Where(j => j.IsCompleted && j.WorkerId is not null).ToLookup(j => j.WorkerId!.Value);
        return Workers.ToDictionary(w => w.Id, w => new WorkerTimeline(w.Id,
            [new WorkerProfileVersion(w.RegisteredAt, w.Bio.Length, w.ProfileCompletion, w.HourlyRate, w.YearsExperience, w.Specializations,
                w.Certifications.Count, w.Certifications.Count(c => c.Verified), w.IsActive)],
            jobsByWorker[w.Id].Select(j => new WorkerJobFact(j.Id, j.CategoryId, j.StartedAt, j.CompletedAt!.Value, j.Hours,
                categoryHours[j.CategoryId], j.Budget, j.Rating, j.Satisfaction, j.ReviewedAt))));
    }

    private Guid Id(string fact, long id)
    {
        // A name-based id: the same (seed, fact, id) always gives the same Guid.
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"iayos-demo/{Seed}/{fact}/{id}"));
        return new Guid(bytes.AsSpan(0, 16));
    }
}
