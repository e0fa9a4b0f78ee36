using Dapper;
using iAyos.Messaging.Contracts.ServiceJobs;

namespace iAyos.Messaging.Integration.Tests.ServiceJobs;

[Collection(StackCollection.Name)]
public class When_service_job_events_stream_through_the_bus(Stack stack)
{
    [Fact]
    public async Task Should_fold_every_job_and_profile_into_the_read_model()
    {
        await using var replay = await ServiceJobReplay.CreateAsync(jobs: 300, workers: 30, seed: 11);
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();

        // Upstream reports Manila time (+08:00); the read model stores the same instants, in UTC.
        await replay.PublishAndWaitAsync(stack, replay.Events.Select(InManila).ToList());

        var jobs = (await connection.QueryAsync<JobRow>("""
            SELECT id, category_id, title, budget, urgency, skill_level, materials, materials_count, job_type, status, worker_id,
                   created_at, assigned_at, started_at, completed_at, cancelled_at, rating, satisfaction, reviewed_at
            FROM iayos.jobs WHERE id = ANY(@JobIds)
            """, new { replay.JobIds })).ToDictionary(j => j.Id);
        Assert.Equal(replay.World.Jobs.Count, jobs.Count);
        foreach (var expected in replay.World.Jobs)
        {
            var job = expected.Job;
            var row = jobs[job.Id];
            Assert.Equal((job.CategoryId, expected.Title, job.Budget, job.Urgency, job.SkillLevel, job.JobType, job.WorkerId),
                (row.CategoryId, row.Title, row.Budget, row.Urgency, row.SkillLevel, row.JobType, row.WorkerId));
            Assert.Equal(job.Materials, row.Materials);
            Assert.Equal(job.Materials.Count, row.MaterialsCount);
            Assert.Equal(Status(job), row.Status);
            AssertSameTime(job.PostedAt, row.CreatedAt, job.Id, "posted");
            AssertSameTime(expected.AssignedAt, row.AssignedAt, job.Id, "assigned");
            AssertSameTime(job.StartedAt, row.StartedAt, job.Id, "started");
            AssertSameTime(job.CompletedAt, row.CompletedAt, job.Id, "completed");
            AssertSameTime(job.CancelledAt, row.CancelledAt, job.Id, "cancelled");
            AssertSameTime(job.ReviewedAt, row.ReviewedAt, job.Id, "reviewed");
            Assert.Equal((job.Rating, job.Satisfaction), (row.Rating, row.Satisfaction));
        }
        Assert.Contains(jobs.Values, j => j.Status == "CANCELLED");
        Assert.Contains(jobs.Values, j => j.Status == "IN_PROGRESS");

        var profiles = (await connection.QueryAsync<ProfileRow>("""
            SELECT worker_id, valid_from, display_name, bio, profile_completion, hourly_rate, years_experience, specializations,
                   certifications, verified_certifications, is_active
            FROM iayos.workers WHERE worker_id = ANY(@WorkerIds)
            """, new { replay.WorkerIds })).ToDictionary(p => p.WorkerId);
        Assert.Equal(replay.World.Workers.Count, profiles.Count);
        foreach (var worker in replay.World.Workers)
        {
            var row = profiles[worker.Id];
            AssertSameTime(worker.RegisteredAt, row.ValidFrom, worker.Id, "registered");
            Assert.Equal((worker.DisplayName, worker.Bio, worker.ProfileCompletion, worker.HourlyRate, worker.YearsExperience, worker.IsActive),
                (row.DisplayName, row.Bio, row.ProfileCompletion, row.HourlyRate, row.YearsExperience, row.IsActive));
            Assert.Equal(worker.Specializations, row.Specializations);
            Assert.Equal(worker.Certifications.Select(c => c.Name), row.Certifications);
            Assert.Equal(worker.Certifications.Where(c => c.Verified).Select(c => c.Name), row.VerifiedCertifications);
        }
    }

    private static IServiceJobEvent InManila(IServiceJobEvent e)
    {
        var at = e.OccurredAt.ToOffset(TimeSpan.FromHours(8));
        return e switch
        {
            WorkerProfileUpdated x => x with { OccurredAt = at },
            ServiceJobPosted x => x with { OccurredAt = at },
            ServiceJobAssigned x => x with { OccurredAt = at },
            ServiceJobStarted x => x with { OccurredAt = at },
            ServiceJobCompleted x => x with { OccurredAt = at },
            ServiceJobCancelled x => x with { OccurredAt = at },
            ServiceJobReviewed x => x with { OccurredAt = at },
            _ => throw new ArgumentException(e.GetType().Name, nameof(e)),
        };
    }

    private static string Status(Predictions.Workers.ServiceJob job) =>
        job.CancelledAt is not null ? "CANCELLED" : job.CompletedAt is not null ? "COMPLETED" : job.StartedAt is not null ? "IN_PROGRESS" : "ACTIVE";

    /// <summary>PostgreSQL keeps microseconds of a .NET time's 100 ns ticks; stored as UTC.</summary>
    private static void AssertSameTime(DateTimeOffset? expected, DateTime? actual, long id, string what)
    {
        Assert.True(expected is null == actual is null, $"{id} {what}: expected {expected:O}, stored {actual:O}");
        if (expected is null)
            return;
        Assert.Equal(DateTimeKind.Utc, actual!.Value.Kind);
        Assert.True(Math.Abs(expected.Value.UtcTicks - actual.Value.Ticks) < TimeSpan.TicksPerMillisecond / 1000,
            $"{id} {what}: expected {expected:O}, stored {actual:O}");
    }

    private sealed record JobRow
    {
        public long Id { get; init; }
        public int CategoryId { get; init; }
        public string Title { get; init; } = "";
        public decimal Budget { get; init; }
        public string Urgency { get; init; } = "";
        public string SkillLevel { get; init; } = "";
        public string[] Materials { get; init; } = [];
        public int MaterialsCount { get; init; }
        public string JobType { get; init; } = "";
        public string Status { get; init; } = "";
        public long? WorkerId { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? AssignedAt { get; init; }
        public DateTime? StartedAt { get; init; }
        public DateTime? CompletedAt { get; init; }
        public DateTime? CancelledAt { get; init; }
        public short? Rating { get; init; }
        public double? Satisfaction { get; init; }
        public DateTime? ReviewedAt { get; init; }
    }

    private sealed record ProfileRow
    {
        public long WorkerId { get; init; }
        public DateTime ValidFrom { get; init; }
        public string DisplayName { get; init; } = "";
        public string Bio { get; init; } = "";
        public double ProfileCompletion { get; init; }
        public decimal? HourlyRate { get; init; }
        public double YearsExperience { get; init; }
        public string[] Specializations { get; init; } = [];
        public string[] Certifications { get; init; } = [];
        public string[] VerifiedCertifications { get; init; } = [];
        public bool IsActive { get; init; }
    }
}
