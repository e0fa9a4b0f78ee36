using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Cli.DemoData;

/// <summary>
/// Deterministic demo jobs for a Philippine blue-collar marketplace: prices and durations drawn
/// log-normally around each category's defaults, with the same urgency and skill effects the price
/// fallback assumes, so the statistics it then learns from look like the market it describes.
/// </summary>
public static class DemoJobGenerator
{
    /// <summary>A fixed epoch keeps the output identical run to run (no "now").</summary>
    public static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public sealed record Category(int Id, string Name, decimal AvgPrice, double Hours);

    private static readonly string[] Verbs = ["Fix", "Repair", "Install", "Replace", "Check", "Service", "Upgrade", "Clean"];
    private static readonly string[] Places = ["kitchen", "bathroom", "living room", "bedroom", "garage", "garden", "roof deck", "store front"];

    public static IReadOnlyList<DemoJob> Generate(IReadOnlyList<Category> categories, int count, int seed)
    {
        if (categories.Count == 0)
            throw new ArgumentException("No categories to generate jobs for.", nameof(categories));
        var random = new Random(seed);
        var workers = WorkerPaces(seed);
        var jobs = new List<DemoJob>(count);
        for (var id = 1; id <= count; id++)
        {
            var category = categories[random.Next(categories.Count)];
            var urgency = Pick(random, (Urgency.Low, 0.3), (Urgency.Medium, 0.5), (Urgency.High, 0.2));
            var skill = Pick(random, (SkillLevel.Entry, 0.3), (SkillLevel.Intermediate, 0.5), (SkillLevel.Expert, 0.2));
            var multiplier = PriceMultipliers.ForUrgency(urgency) * PriceMultipliers.ForSkillLevel(skill);
            var budget = Math.Max(100m, Math.Round(category.AvgPrice * multiplier * (decimal)LogNormal(random, 0.35) / 10m) * 10m);

            // Rush jobs and experts finish sooner; entry-level workers take longer.
            var speed = (urgency == Urgency.High ? 0.85 : urgency == Urgency.Low ? 1.1 : 1.0)
                * (skill == SkillLevel.Expert ? 0.85 : skill == SkillLevel.Entry ? 1.15 : 1.0);
            var hours = Math.Clamp(category.Hours * speed * LogNormal(random, 0.5), 0.5, 720);

            var status = Pick(random, ("COMPLETED", 0.85), ("CANCELLED", 0.05), ("IN_PROGRESS", 0.05), ("ACTIVE", 0.05));
            var createdAt = Epoch.AddMinutes(random.Next(0, 300 * 24 * 60));
            DateTime? startedAt = status is "COMPLETED" or "IN_PROGRESS" ? createdAt.AddHours(2 + random.NextDouble() * 70) : null;
            var verb = Verbs[random.Next(Verbs.Length)];
            var place = Places[random.Next(Places.Length)];
            var materials = random.Next(0, 6);
            var jobType = random.NextDouble() < 0.8 ? JobType.Listing : JobType.Invite;
            int? workerId = status == "ACTIVE" ? null : random.Next(1, Workers + 1);
            // Each worker keeps one pace across their jobs, so a worker's history says something about them.
            DateTime? completedAt = status == "COMPLETED" ? startedAt!.Value.AddHours(Math.Clamp(hours * workers[workerId!.Value], 0.5, 720)) : null;

            jobs.Add(new DemoJob(
                id, category.Id,
                $"{verb} {category.Name.ToLowerInvariant()} work in {place}",
                $"{category.Name} job in the {place}. {(materials > 0 ? $"{materials} kinds of materials needed." : "Materials provided by the client.")}",
                budget, urgency, skill, materials, jobType, status, workerId,
                createdAt, startedAt, completedAt));
        }
        return jobs;
    }

    /// <summary>Workers 1-300; the ids jobs are assigned to.</summary>
    public const int Workers = 300;

    /// <summary>Each worker's pace, a duration multiplier with median 1 (index = worker id), from its own stream so
    /// the jobs' other draws do not depend on it.</summary>
    public static double[] WorkerPaces(int seed)
    {
        var random = new Random(unchecked(seed * 7919 + 17));
        var paces = new double[Workers + 1];
        for (var w = 1; w <= Workers; w++) paces[w] = LogNormal(random, 0.3);
        return paces;
    }

    /// <summary>exp(N(0, sigma)): a multiplicative spread with median 1.</summary>
    private static double LogNormal(Random random, double sigma)
    {
        // Box-Muller; 1 - NextDouble() keeps the log argument in (0, 1].
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return Math.Exp(sigma * normal);
    }

    private static string Pick(Random random, params (string Value, double Weight)[] choices)
    {
        var roll = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            if ((roll -= weight) < 0)
                return value;
        }
        return choices[^1].Value;
    }
}
