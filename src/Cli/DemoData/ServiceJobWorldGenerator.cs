using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Contracts.ServiceJobs;
using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Cli.DemoData;

/// <summary>
/// A deterministic iAyos marketplace with planted effects, so a model's error can be set beside the best
/// achievable one. Every draw comes from one seeded stream in a fixed order; no clock is read.
///
/// Workers: latent quality q ~ N(0, 1) and pace ~ exp(N(0, 0.3)). The profile is a noisy signal of q: profile
/// completion, bio length, certification count and the share verified all rise with q (each with its own noise).
/// Years of experience are independent of q.
///
/// A completed job's duration in hours is
///   category hours x (budget / usual budget)^0.5 x urgency (LOW 1.15, MEDIUM 1, HIGH 0.8) x (1 + 0.06 x materials)
///   x experience (1.15 down to 0.85 at 20+ years) x the worker's pace x exp(N(0, 0.35)),
/// where the usual budget is the category's average price x the urgency and skill multipliers the price fallback
/// uses. Everything but the last factor is <see cref="DemoServiceJob.ExpectedHours"/>: the median a perfect model
/// predicts. The noise's sigma 0.35 means such a model's 75% interval is x/÷ exp(1.15 x 0.35) = 1.50.
///
/// Reviews (80% of completed jobs, 1-72 h after completion): rating = round(3.6 + 0.7 q + N(0, 0.7)) in 1-5,
/// satisfaction = 72 + 12 q + N(0, 10) in 0-100. Nothing else moves them.
/// </summary>
public static class ServiceJobWorldGenerator
{
    /// <summary>A fixed epoch keeps the output identical run to run (no "now"); jobs are posted over the 300 days after it.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const int Days = 300;
    public const double DurationSigma = 0.35;

    private static readonly string[] Verbs = ["Fix", "Repair", "Install", "Replace", "Check", "Service", "Upgrade", "Clean"];
    private static readonly string[] Places = ["kitchen", "bathroom", "living room", "bedroom", "garage", "garden", "roof deck", "store front"];
    private static readonly string[] FirstNames = ["Jose", "Maria", "Juan", "Ana", "Mark", "Grace", "Paolo", "Liza", "Ramon", "Joy", "Carlo", "Rhea"];
    private static readonly string[] LastNames = ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Torres", "Flores", "Ramos", "Aquino"];
    private static readonly string[] Certificates = ["TESDA NC II", "TESDA NC I", "Electrical safety", "First aid", "Welding NC II", "Aircon technician"];
    private static readonly string[] MaterialNames = ["pipe", "sealant", "wire", "breaker", "paint", "brushes", "cement", "tiles", "screws", "lumber"];

    public static ServiceJobWorld Generate(IReadOnlyList<CategoryDefaults> categories, int jobCount, int workerCount, int seed)
    {
        if (categories.Count == 0)
            throw new ArgumentException("No categories to generate jobs for.", nameof(categories));
        ArgumentOutOfRangeException.ThrowIfLessThan(workerCount, 1);
        var random = new Random(seed);
        var workers = Enumerable.Range(1, workerCount).Select(id => Worker(random, id, categories)).ToList();
        var jobs = new List<DemoServiceJob>(jobCount);
        for (var id = 1; id <= jobCount; id++)
            jobs.Add(Job(random, id, categories, workers));
        return new ServiceJobWorld(workers, jobs, seed);
    }

    private static DemoWorker Worker(Random random, long id, IReadOnlyList<CategoryDefaults> categories)
    {
        var quality = Normal(random);
        // Each profile field sees quality through its own noise, so the profile predicts reviews only in part.
        double Signal() => 0.6 * quality + 0.8 * Normal(random);
        // 80% were on the platform before the year began; the rest join during its first 200 days.
        var registered = random.NextDouble() < 0.8
            ? Epoch.AddDays(-random.Next(1, 120))
            : Epoch.AddDays(random.Next(0, 200)).AddMinutes(random.Next(0, 24 * 60));
        var certificateCount = Math.Clamp((int)Math.Round(1.5 + Signal()), 0, 5);
        var verifiedShare = Math.Clamp(0.5 + 0.3 * Signal(), 0, 1);
        var certifications = Enumerable.Range(0, certificateCount)
            .Select(i => new WorkerCertification(Certificates[(int)((id + i) % Certificates.Length)], random.NextDouble() < verifiedShare))
            .ToList();
        var specializationCount = random.Next(1, 4);
        var specializations = Enumerable.Range(0, specializationCount).Select(_ => categories[random.Next(categories.Count)].Name).Distinct().ToList();
        var bioLength = Math.Clamp((int)(220 + 110 * Signal()), 0, 600);
        return new DemoWorker(
            id,
            registered,
            $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
            Bio(bioLength, specializations),
            Math.Round(Math.Clamp(65 + 15 * Signal(), 20, 100)),
            random.NextDouble() < 0.8 ? Math.Round((decimal)(150 + random.NextDouble() * 450) / 10m) * 10m : null,
            Math.Clamp(Math.Round(Math.Exp(1.5 + 0.7 * Normal(random))), 0, 40),
            specializations,
            certifications,
            random.NextDouble() < 0.9,
            quality,
            Math.Exp(0.3 * Normal(random)));
    }

    private static DemoServiceJob Job(Random random, long id, IReadOnlyList<CategoryDefaults> categories, IReadOnlyList<DemoWorker> workers)
    {
        var category = categories[random.Next(categories.Count)];
        var urgency = Pick(random, (Urgency.Low, 0.3), (Urgency.Medium, 0.5), (Urgency.High, 0.2));
        var skill = Pick(random, (SkillLevel.Entry, 0.3), (SkillLevel.Intermediate, 0.5), (SkillLevel.Expert, 0.2));
        var usualBudget = category.AvgPrice * PriceMultipliers.ForUrgency(urgency) * PriceMultipliers.ForSkillLevel(skill);
        var budget = Math.Max(100m, Math.Round(usualBudget * (decimal)Math.Exp(0.35 * Normal(random)) / 10m) * 10m);
        var materialCount = random.Next(0, 6);
        var materials = Enumerable.Range(0, materialCount).Select(i => MaterialNames[(int)((id + i) % MaterialNames.Length)]).ToList();
        var jobType = random.NextDouble() < 0.8 ? JobType.Listing : JobType.Invite;
        var postedAt = Epoch.AddMinutes(random.Next(0, Days * 24 * 60));
        var status = Pick(random, ("COMPLETED", 0.85), ("CANCELLED", 0.05), ("IN_PROGRESS", 0.05), ("ACTIVE", 0.05));
        var verb = Verbs[random.Next(Verbs.Length)];
        var place = Places[random.Next(Places.Length)];
        var title = $"{verb} {category.Name.ToLowerInvariant()} work in {place}";
        var description = $"{category.Name} job in the {place}. {(materialCount > 0 ? $"Needs {string.Join(", ", materials)}." : "Materials provided by the client.")}";
        var noise = Math.Exp(DurationSigma * Normal(random));
        var reviewRoll = random.NextDouble();
        var ratingNoise = Normal(random);
        var satisfactionNoise = Normal(random);
        var assignDelay = 0.5 + random.NextDouble() * 23.5;
        var startDelay = 1 + random.NextDouble() * 47;
        var reviewDelay = 1 + random.NextDouble() * 71;

        DemoWorker? worker = null;
        if (status != "ACTIVE")
        {
            // Someone already registered, preferably offering the category.
            var available = workers.Where(w => w.RegisteredAt < postedAt).ToList();
            var specialists = available.Where(w => w.Specializations.Contains(category.Name)).ToList();
            var pool = specialists.Count > 0 && random.NextDouble() < 0.7 ? specialists : available;
            worker = pool.Count > 0 ? pool[random.Next(pool.Count)] : null;
        }
        if (worker is null)
            return new DemoServiceJob(Posting(null, null, null, null, null, null, null), title, description, null, null);

        var expected = category.Hours
            * Math.Sqrt((double)(budget / usualBudget))
            * (urgency == Urgency.High ? 0.8 : urgency == Urgency.Low ? 1.15 : 1.0)
            * (1 + 0.06 * materialCount)
            * (1.15 - 0.3 * Math.Min(worker.YearsExperience, 20) / 20)
            * worker.Pace;
        var hours = Math.Clamp(expected * noise, 0.5, 720);
        var assignedAt = postedAt.AddHours(assignDelay);
        DateTimeOffset? startedAt = status is "COMPLETED" or "IN_PROGRESS" ? assignedAt.AddHours(startDelay) : null;
        DateTimeOffset? completedAt = status == "COMPLETED" ? startedAt!.Value.AddHours(hours) : null;
        DateTimeOffset? cancelledAt = status == "CANCELLED" ? assignedAt.AddHours(startDelay / 2) : null;
        int? rating = null;
        double? satisfaction = null;
        DateTimeOffset? reviewedAt = null;
        if (completedAt is not null && reviewRoll < 0.8)
        {
            rating = Math.Clamp((int)Math.Round(3.6 + 0.7 * worker.Quality + 0.7 * ratingNoise), 1, 5);
            satisfaction = Math.Round(Math.Clamp(72 + 12 * worker.Quality + 10 * satisfactionNoise, 0, 100));
            reviewedAt = completedAt.Value.AddHours(reviewDelay);
        }
        return new DemoServiceJob(Posting(worker.Id, startedAt, completedAt, cancelledAt, rating, satisfaction, reviewedAt),
            title, description, assignedAt, Math.Clamp(expected, 0.5, 720));

        ServiceJob Posting(long? workerId, DateTimeOffset? started, DateTimeOffset? completed, DateTimeOffset? cancelled,
            int? stars, double? satisfied, DateTimeOffset? reviewed) =>
            new(id, category.Id, category.Name, budget, urgency, skill, materials, jobType, postedAt, workerId, started, completed, cancelled,
                stars, satisfied, reviewed);
    }

    private static string Bio(int length, IReadOnlyList<string> specializations)
    {
        var sentence = $"Experienced in {string.Join(", ", specializations).ToLowerInvariant()}. Reliable, on time, clean work. ";
        var text = string.Concat(Enumerable.Repeat(sentence, length / sentence.Length + 1));
        return text[..length].TrimEnd();
    }

    /// <summary>Standard normal by Box-Muller; 1 - NextDouble() keeps the log argument in (0, 1].</summary>
    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
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
