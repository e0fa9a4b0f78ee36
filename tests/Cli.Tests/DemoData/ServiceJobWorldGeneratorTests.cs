using iAyos.Messaging.Cli.DemoData;
using iAyos.Messaging.Contracts.ServiceJobs;
using iAyos.Messaging.Predictions.Categories;

namespace iAyos.Messaging.Cli.Tests.DemoData;

public class ServiceJobWorldGeneratorTests
{
    /// <summary>The 20 categories of migration 0002 (id, name, min / average / max price, usual hours).</summary>
    public static readonly IReadOnlyList<CategoryDefaults> Categories =
    [
        new(1, "Plumbing", 800, 1800, 4500, 3.0), new(2, "Electrical", 900, 2000, 5000, 3.0), new(3, "Carpentry", 1200, 3000, 8000, 6.0),
        new(4, "Painting", 1500, 4000, 12000, 10.0), new(5, "House Cleaning", 600, 1200, 2500, 4.0),
        new(6, "Appliance Repair", 700, 1500, 3500, 2.5), new(7, "Aircon Servicing", 800, 1600, 3500, 2.0),
        new(8, "Masonry", 2000, 5000, 15000, 16.0), new(9, "Welding", 1200, 3000, 8000, 5.0), new(10, "Roofing", 2500, 6000, 18000, 12.0),
        new(11, "Gardening", 500, 1200, 3000, 4.0), new(12, "Moving and Hauling", 1500, 3500, 8000, 5.0),
        new(13, "Auto Mechanic", 1000, 2500, 7000, 4.0), new(14, "Tiling", 2000, 5000, 14000, 12.0),
        new(15, "Pest Control", 1000, 2200, 5000, 2.5), new(16, "Laundry", 300, 700, 1500, 3.0),
        new(17, "Computer Repair", 600, 1500, 3500, 2.0), new(18, "Home Renovation", 5000, 15000, 50000, 40.0),
        new(19, "Handyman", 500, 1200, 3000, 3.0), new(20, "Cooking and Catering", 1500, 4000, 10000, 6.0),
    ];

    private static readonly ServiceJobWorld Default = ServiceJobWorldGenerator.Generate(Categories, 2000, 120, seed: 42);

    private static readonly IReadOnlyList<IServiceJobEvent> DefaultEvents = Default.ToEvents();

    [Fact]
    public void The_same_seed_gives_an_identical_world_and_identical_event_ids()
    {
        var again = ServiceJobWorldGenerator.Generate(Categories, 2000, 120, seed: 42);

        Assert.Equal(Default.Workers, again.Workers, WorkerEquals);
        Assert.Equal(Default.Jobs.Select(Describe), again.Jobs.Select(Describe));
        var events = again.ToEvents();
        Assert.Equal(DefaultEvents.Select(e => e.EventId), events.Select(e => e.EventId));
        Assert.Equal(DefaultEvents.Select(e => (e.GetType(), e.OccurredAt)), events.Select(e => (e.GetType(), e.OccurredAt)));
    }

    [Fact]
    public void A_different_seed_gives_a_different_world_and_other_event_ids()
    {
        var other = ServiceJobWorldGenerator.Generate(Categories, 2000, 120, seed: 43);

        Assert.NotEqual(Default.Jobs.Select(Describe), other.Jobs.Select(Describe));
        Assert.Empty(DefaultEvents.Select(e => e.EventId).Intersect(other.ToEvents().Select(e => e.EventId)));
    }

    [Fact]
    public void Event_ids_are_unique()
    {
        Assert.Equal(DefaultEvents.Count, DefaultEvents.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Jobs_go_only_to_workers_registered_before_the_posting()
    {
        var workers = Default.Workers.ToDictionary(w => w.Id);
        var assigned = Default.Jobs.Where(j => j.Job.WorkerId is not null).ToList();

        Assert.True(assigned.Count > 1500, $"most jobs should have a worker ({assigned.Count})");
        Assert.All(assigned, j =>
        {
            Assert.True(workers[j.Job.WorkerId!.Value].RegisteredAt < j.Job.PostedAt, $"job {j.Job.Id} went to a worker not yet registered");
            Assert.True(j.AssignedAt > j.Job.PostedAt, $"job {j.Job.Id} assigned before it was posted");
        });
        Assert.All(Default.Jobs.Where(j => j.Job.WorkerId is null), j => Assert.Null(j.Job.StartedAt));
    }

    [Fact]
    public void Every_completed_job_starts_before_it_completes_and_takes_half_an_hour_to_thirty_days()
    {
        var completed = Default.Jobs.Select(j => j.Job).Where(j => j.IsCompleted).ToList();

        Assert.True(completed.Count > 1500, $"most jobs should complete ({completed.Count})");
        Assert.All(completed, j =>
        {
            Assert.NotNull(j.StartedAt);
            Assert.True(j.StartedAt < j.CompletedAt, $"job {j.Id} completed before it started");
            Assert.InRange(j.Hours!.Value, 0.5 - 1e-9, 720 + 1e-9);
        });
    }

    [Fact]
    public void Reviews_come_after_completion_with_a_rating_of_1_to_5_and_a_satisfaction_of_0_to_100()
    {
        var reviewed = Default.Jobs.Select(j => j.Job).Where(j => j.Rating is not null).ToList();

        Assert.True(reviewed.Count > 1000, $"most completed jobs should be reviewed ({reviewed.Count})");
        Assert.All(reviewed, j =>
        {
            Assert.True(j.IsCompleted, $"job {j.Id} reviewed without completing");
            Assert.True(j.ReviewedAt > j.CompletedAt, $"job {j.Id} reviewed before it completed");
            Assert.InRange(j.Rating!.Value, 1, 5);
            Assert.InRange(j.Satisfaction!.Value, 0, 100);
        });
        // Every rating occurs: the planted quality spreads them.
        Assert.Equal([1, 2, 3, 4, 5], reviewed.Select(j => j.Rating!.Value).Distinct().Order());
    }

    [Fact]
    public void Worker_quality_drives_ratings_and_satisfaction()
    {
        var quality = Default.Workers.ToDictionary(w => w.Id, w => w.Quality);
        var reviewed = Default.Jobs.Select(j => j.Job).Where(j => j.Rating is not null).ToList();

        var ratings = Correlation(reviewed.Select(j => quality[j.WorkerId!.Value]), reviewed.Select(j => (double)j.Rating!.Value));
        var satisfaction = Correlation(reviewed.Select(j => quality[j.WorkerId!.Value]), reviewed.Select(j => j.Satisfaction!.Value));

        Assert.True(ratings > 0.4, $"quality should clearly raise ratings (r = {ratings:F2})");
        Assert.True(satisfaction > 0.5, $"quality should clearly raise satisfaction (r = {satisfaction:F2})");
    }

    [Fact]
    public void Durations_scatter_log_normally_around_the_planted_median_with_sigma_035()
    {
        // Clipped jobs are left out: the clip, not the noise, set their hours.
        var residuals = Default.Jobs
            .Where(j => j.Job.IsCompleted && j.ExpectedHours is > 0.5 and < 720 && j.Job.Hours is > 0.5 and < 720)
            .Select(j => Math.Log(j.Job.Hours!.Value / j.ExpectedHours!.Value))
            .ToList();

        var mean = residuals.Average();
        var sd = Math.Sqrt(residuals.Sum(r => (r - mean) * (r - mean)) / (residuals.Count - 1));
        Assert.InRange(mean, -0.05, 0.05);
        Assert.InRange(sd, ServiceJobWorldGenerator.DurationSigma * 0.9, ServiceJobWorldGenerator.DurationSigma * 1.1);
    }

    [Fact]
    public void The_planted_median_is_a_better_guess_than_the_category_hours()
    {
        var hours = Categories.ToDictionary(c => c.Id, c => c.Hours);
        var completed = Default.Jobs.Where(j => j.Job.IsCompleted).ToList();

        double Mae(Func<DemoServiceJob, double> guess) =>
            completed.Average(j => Math.Abs(Math.Log(j.Job.Hours!.Value) - Math.Log(guess(j))));

        Assert.True(Mae(j => j.ExpectedHours!.Value) < 0.8 * Mae(j => hours[j.Job.CategoryId]),
            "budget, urgency, materials, experience and pace should explain much of what the category does not");
    }

    [Fact]
    public void Events_are_in_upstream_order_and_report_every_fact()
    {
        Assert.Equal(DefaultEvents.OrderBy(e => e.OccurredAt).Select(e => e.EventId), DefaultEvents.Select(e => e.EventId));

        var jobs = Default.Jobs.Select(j => j.Job).ToList();
        var facts = ServiceJobFacts.Of(DefaultEvents);
        Assert.Equal(new ServiceJobFacts(
            Postings: jobs.Count,
            ProfileVersions: Default.Workers.Count,
            Assignments: jobs.Count(j => j.WorkerId is not null),
            Starts: jobs.Count(j => j.StartedAt is not null),
            Completions: jobs.Count(j => j.CompletedAt is not null),
            Cancellations: jobs.Count(j => j.CancelledAt is not null),
            Reviews: jobs.Count(j => j.Rating is not null)), facts);
        Assert.Equal(DefaultEvents.Count, facts.Total);
        Assert.True(facts.Cancellations > 0 && facts.Starts > facts.Completions, "cancelled and in-progress jobs occur too");
    }

    [Fact]
    public void Events_carry_the_facts_of_the_world()
    {
        var jobs = Default.Jobs.ToDictionary(j => j.Job.Id);
        foreach (var e in DefaultEvents)
        {
            switch (e)
            {
                case ServiceJobPosted p:
                    var posted = jobs[p.JobId];
                    Assert.Equal((posted.Job.CategoryId, posted.Job.Budget, posted.Job.Urgency, posted.Job.SkillLevel, posted.Job.JobType, posted.Job.PostedAt, posted.Title),
                        (p.CategoryId, p.Budget, p.Urgency, p.SkillLevel, p.JobType, p.OccurredAt, p.Title));
                    Assert.Equal(posted.Job.Materials, p.Materials);
                    break;
                case ServiceJobAssigned a:
                    Assert.Equal((jobs[a.JobId].Job.WorkerId, jobs[a.JobId].AssignedAt), (a.WorkerId, a.OccurredAt));
                    break;
                case ServiceJobCompleted c:
                    Assert.Equal((jobs[c.JobId].Job.WorkerId, jobs[c.JobId].Job.CompletedAt), (c.WorkerId, c.OccurredAt));
                    break;
                case ServiceJobReviewed r:
                    Assert.Equal((jobs[r.JobId].Job.Rating, jobs[r.JobId].Job.Satisfaction, jobs[r.JobId].Job.ReviewedAt), (r.Rating, r.Satisfaction, r.OccurredAt));
                    break;
            }
        }
    }

    [Fact]
    public void Needs_at_least_one_category_and_one_worker()
    {
        Assert.Throws<ArgumentException>(() => ServiceJobWorldGenerator.Generate([], 10, 5, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ServiceJobWorldGenerator.Generate(Categories, 10, 0, seed: 1));
    }

    private static string Describe(DemoServiceJob j) =>
        $"{j.Job with { Materials = [] }}|{string.Join(",", j.Job.Materials)}|{j.Title}|{j.AssignedAt:O}|{j.ExpectedHours:R}";

    private static bool WorkerEquals(DemoWorker a, DemoWorker b) =>
        a with { Specializations = [], Certifications = [] } == b with { Specializations = [], Certifications = [] }
        && a.Specializations.SequenceEqual(b.Specializations) && a.Certifications.SequenceEqual(b.Certifications);

    private static double Correlation(IEnumerable<double> xs, IEnumerable<double> ys)
    {
        var x = xs.ToArray();
        var y = ys.ToArray();
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
