using iAyos.Messaging.Cli.DemoData;

namespace iAyos.Messaging.Cli.Tests.DemoData;

public class DemoJobGeneratorTests
{
    private static readonly IReadOnlyList<DemoJobGenerator.Category> Categories =
    [
        new(1, "Plumbing", 1800m, 3.0),
        new(2, "Electrical", 2500m, 4.0),
        new(3, "Carpentry", 3500m, 12.0),
        new(4, "Aircon Cleaning", 1200m, 2.0),
    ];

    private static readonly IReadOnlyList<DemoJob> FiveThousand = DemoJobGenerator.Generate(Categories, 5_000, seed: 20260101);

    [Fact]
    public void Generate_with_the_same_seed_returns_identical_jobs()
    {
        var first = DemoJobGenerator.Generate(Categories, 500, seed: 42);
        var second = DemoJobGenerator.Generate(Categories, 500, seed: 42);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_with_a_different_seed_returns_different_jobs()
    {
        var first = DemoJobGenerator.Generate(Categories, 500, seed: 42);
        var second = DemoJobGenerator.Generate(Categories, 500, seed: 43);

        Assert.NotEqual(first, second);
        // Not just one field: most rows differ.
        Assert.True(first.Zip(second).Count(p => p.First != p.Second) > 450);
    }

    [Fact]
    public void Generate_returns_the_requested_count_with_ids_1_to_n()
    {
        var jobs = DemoJobGenerator.Generate(Categories, 250, seed: 7);

        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), jobs.Select(j => j.Id));
    }

    [Fact]
    public void Generate_of_zero_jobs_returns_an_empty_list()
    {
        Assert.Empty(DemoJobGenerator.Generate(Categories, 0, seed: 1));
    }

    [Fact]
    public void Generate_uses_only_the_given_categories_and_all_of_them()
    {
        var ids = FiveThousand.Select(j => j.CategoryId).Distinct().Order().ToArray();

        Assert.Equal([1, 2, 3, 4], ids);
    }

    [Fact]
    public void Generate_gives_every_completed_job_a_start_and_a_completion_between_half_an_hour_and_30_days()
    {
        var completed = FiveThousand.Where(j => j.Status == "COMPLETED").ToList();

        Assert.NotEmpty(completed);
        Assert.All(completed, j =>
        {
            Assert.NotNull(j.StartedAt);
            Assert.NotNull(j.CompletedAt);
            Assert.NotNull(j.WorkerId);
            Assert.True(j.StartedAt > j.CreatedAt, $"job {j.Id} started before it was created");
            Assert.InRange((j.CompletedAt!.Value - j.StartedAt!.Value).TotalHours, 0.5, 720);
        });
    }

    [Fact]
    public void Generate_leaves_active_jobs_without_a_worker_or_a_start()
    {
        var active = FiveThousand.Where(j => j.Status == "ACTIVE").ToList();

        Assert.NotEmpty(active);
        Assert.All(active, j =>
        {
            Assert.Null(j.WorkerId);
            Assert.Null(j.StartedAt);
            Assert.Null(j.CompletedAt);
        });
    }

    [Fact]
    public void Generate_starts_but_does_not_complete_in_progress_jobs()
    {
        var inProgress = FiveThousand.Where(j => j.Status == "IN_PROGRESS").ToList();

        Assert.NotEmpty(inProgress);
        Assert.All(inProgress, j =>
        {
            Assert.NotNull(j.StartedAt);
            Assert.Null(j.CompletedAt);
            Assert.NotNull(j.WorkerId);
        });
    }

    [Fact]
    public void Generate_uses_only_the_four_statuses()
    {
        Assert.All(FiveThousand, j => Assert.Contains(j.Status, new[] { "COMPLETED", "CANCELLED", "IN_PROGRESS", "ACTIVE" }));
    }

    [Fact]
    public void Generate_assigns_workers_between_1_and_300()
    {
        Assert.All(FiveThousand.Where(j => j.WorkerId is not null), j => Assert.InRange(j.WorkerId!.Value, 1, 300));
    }

    [Fact]
    public void A_workers_history_shows_their_pace_the_fast_ones_finish_sooner_than_the_slow_ones()
    {
        var paces = DemoJobGenerator.WorkerPaces(20260101);
        // Hours relative to each job's category default, averaged in log space per worker.
        var byWorker = FiveThousand.Where(j => j.CompletedAt is not null)
            .GroupBy(j => j.WorkerId!.Value)
            .ToDictionary(g => g.Key, g => g.Average(j =>
                Math.Log((j.CompletedAt!.Value - j.StartedAt!.Value).TotalHours / Categories.Single(c => c.Id == j.CategoryId).Hours)));
        var ordered = byWorker.Keys.OrderBy(w => paces[w]).ToList();
        var fastest = ordered.Take(50).Average(w => byWorker[w]);
        var slowest = ordered.TakeLast(50).Average(w => byWorker[w]);

        Assert.True(slowest - fastest > 0.5, $"fastest 50 workers {fastest:F2}, slowest 50 {slowest:F2} (log hours vs category)");
        Assert.Equal(paces, DemoJobGenerator.WorkerPaces(20260101));
    }

    [Fact]
    public void Generate_makes_budgets_at_least_100_and_multiples_of_10()
    {
        Assert.All(FiveThousand, j =>
        {
            Assert.True(j.Budget >= 100m, $"job {j.Id} budget {j.Budget}");
            Assert.Equal(0m, j.Budget % 10m);
        });
    }

    [Fact]
    public void Generate_floors_budgets_of_a_cheap_category_at_100()
    {
        var jobs = DemoJobGenerator.Generate([new(9, "Errand", 50m, 1.0)], 200, seed: 3);

        Assert.All(jobs, j => Assert.True(j.Budget >= 100m));
        Assert.Contains(jobs, j => j.Budget == 100m);
    }

    [Fact]
    public void Generate_completes_about_85_percent_of_jobs()
    {
        var share = FiveThousand.Count(j => j.Status == "COMPLETED") / 5000.0;

        Assert.InRange(share, 0.82, 0.88);
    }

    [Fact]
    public void Generate_prices_high_urgency_jobs_above_low_urgency_ones()
    {
        var high = Median(FiveThousand.Where(j => j.Urgency == "HIGH").Select(j => j.Budget));
        var low = Median(FiveThousand.Where(j => j.Urgency == "LOW").Select(j => j.Budget));

        Assert.True(high > low, $"median HIGH budget {high} is not above median LOW budget {low}");
    }

    [Fact]
    public void Generate_prices_expert_jobs_above_entry_level_ones_within_a_category()
    {
        var plumbing = FiveThousand.Where(j => j.CategoryId == 1).ToList();
        var expert = Median(plumbing.Where(j => j.SkillLevel == "EXPERT").Select(j => j.Budget));
        var entry = Median(plumbing.Where(j => j.SkillLevel == "ENTRY").Select(j => j.Budget));

        Assert.True(expert > entry, $"median EXPERT budget {expert} is not above median ENTRY budget {entry}");
    }

    [Fact]
    public void Generate_centres_medium_intermediate_budgets_on_the_category_average()
    {
        // MEDIUM and INTERMEDIATE multipliers are 1 and the spread has median 1, so the median budget of those
        // plumbing jobs should sit near the 1800 PHP average.
        var median = Median(FiveThousand
            .Where(j => j.CategoryId == 1 && j.Urgency == "MEDIUM" && j.SkillLevel == "INTERMEDIATE")
            .Select(j => j.Budget));

        Assert.InRange(median, 1600m, 2000m);
    }

    [Fact]
    public void Generate_centres_medium_intermediate_durations_on_the_category_hours()
    {
        var hours = FiveThousand
            .Where(j => j.CategoryId == 3 && j.Status == "COMPLETED" && j.Urgency == "MEDIUM" && j.SkillLevel == "INTERMEDIATE")
            .Select(j => (j.CompletedAt!.Value - j.StartedAt!.Value).TotalHours)
            .Order()
            .ToList();

        Assert.InRange(hours[hours.Count / 2], 10.0, 14.0); // carpentry: 12 hours
    }

    [Fact]
    public void Generate_dates_every_job_in_the_300_days_after_the_epoch()
    {
        Assert.All(FiveThousand, j =>
            Assert.InRange(j.CreatedAt, DemoJobGenerator.Epoch, DemoJobGenerator.Epoch.AddDays(300)));
    }

    [Fact]
    public void Generate_without_categories_throws_ArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => DemoJobGenerator.Generate([], 10, seed: 1));

        Assert.Equal("categories", ex.ParamName);
    }

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        Assert.NotEmpty(sorted);
        return sorted[sorted.Count / 2];
    }
}
