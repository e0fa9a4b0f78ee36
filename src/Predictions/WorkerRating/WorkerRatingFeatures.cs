using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>
/// Every input a worker-rating model may use, by name, computed from the request alone. A spec lists the names it
/// was trained on, in order. Seed 001 Model 3's 43 are <see cref="SeedNames"/>: profile 3, experience 2,
/// credentials 2, performance 4, activity 1, country one-hot 20 and skill one-hot 11 (unknown skills are "Other").
/// The served lists add <c>past_*</c> features: the request's history fields, which at serving time (and in
/// training, by construction) describe only jobs completed and reviewed before the cut-off.
/// </summary>
public static class WorkerRatingFeatures
{
    public const int Count = 43;

    public static readonly IReadOnlyList<string> Countries =
    [
        "United States", "India", "United Kingdom", "Germany", "Australia", "Canada", "France", "Brazil", "South Korea", "Japan",
        "Italy", "Spain", "Russia", "China", "Indonesia", "Netherlands", "Argentina", "Mexico", "Turkey", "Egypt",
    ];

    public static readonly IReadOnlyList<string> Skills =
    [
        "Web Development", "Mobile Apps", "AI", "Machine Learning", "Data Analysis", "UI/UX Design", "Graphic Design", "DevOps",
        "Blockchain Development", "Cybersecurity", "Other",
    ];

    /// <summary>On a one-snapshot source these two ARE the target's components (the seed's composite of them).</summary>
    public static readonly IReadOnlyList<string> SnapshotTargetComponents = ["average_rating", "client_satisfaction"];

    private static readonly IReadOnlyList<string> OneHots =
        [.. Countries.Select(c => "country_" + Slug(c)), .. Skills.Select(s => "skill_" + Slug(s))];

    public static readonly IReadOnlyList<string> SeedNames =
    [
        "profile_completion", "bio_length", "hourly_rate_set", "years_experience", "specializations", "certifications", "verified_share",
        "completed_jobs", "average_rating", "total_earnings", "client_satisfaction", "is_active", .. OneHots,
    ];

    /// <summary>What the profile says, and nothing about outcomes.</summary>
    public static readonly IReadOnlyList<string> ProfileNames =
    [
        "profile_completion", "bio_length", "hourly_rate_set", "hourly_rate_log", "years_experience", "specializations", "certifications",
        "verified_share", "is_active", .. OneHots,
    ];

    /// <summary>The profile plus the worker's record before the cut-off (volume, and the reviews given before it).</summary>
    public static readonly IReadOnlyList<string> ProfileAndPastNames =
        [.. ProfileNames, "past_completed_jobs_log", "past_earnings_log", "past_has_reviews", "past_rating_centered", "past_satisfaction_centered"];

    private static readonly Dictionary<string, Func<PredictWorkerRating, float>> Catalog = Build();

    public static bool IsKnown(string name) => Catalog.ContainsKey(name);

    /// <summary>The seed's 43 in its order.</summary>
    public static float[] Extract(PredictWorkerRating r) => Extract(r, SeedNames);

    public static float[] Extract(PredictWorkerRating r, IReadOnlyList<string> names)
    {
        var f = new float[names.Count];
        for (var i = 0; i < names.Count; i++)
            f[i] = Catalog.TryGetValue(names[i], out var feature) ? feature(r) : throw new ArgumentException($"Unknown worker-rating feature '{names[i]}'.", nameof(names));
        return f;
    }

    private static Dictionary<string, Func<PredictWorkerRating, float>> Build()
    {
        var c = new Dictionary<string, Func<PredictWorkerRating, float>>(StringComparer.Ordinal)
        {
            ["profile_completion"] = r => (float)Math.Clamp(r.ProfileCompletion / 100, 0, 1),
            ["bio_length"] = r => Math.Min(r.BioLength / 500f, 1),
            ["hourly_rate_set"] = r => r.HourlyRate is > 0 ? 1 : 0,
            ["hourly_rate_log"] = r => r.HourlyRate is { } rate && rate > 0 ? (float)(Math.Log(1 + (double)rate) / 10) : 0,
            ["years_experience"] = r => (float)Math.Min(r.YearsExperience / 40, 1),
            ["specializations"] = r => Math.Min(r.SpecializationsCount / 10f, 1),
            ["certifications"] = r => Math.Min(r.CertificationsCount / 10f, 1),
            ["verified_share"] = r => r.CertificationsCount > 0 ? (float)r.VerifiedCertificationsCount / r.CertificationsCount : 0,
            ["completed_jobs"] = r => Math.Min(r.CompletedJobs / 100f, 1),
            ["average_rating"] = r => (float)Math.Clamp(r.AverageRating / 5, 0, 1),
            ["total_earnings"] = r => (float)Math.Min((double)r.TotalEarnings / 500_000, 1),
            ["client_satisfaction"] = r => r.ClientSatisfaction is { } satisfaction ? (float)(satisfaction / 100) : 0.5f, // unknown: the middle
            ["is_active"] = r => r.IsActive switch { true => 1, false => 0, null => 0.5f },
            ["past_completed_jobs_log"] = r => (float)(Math.Log(1 + Math.Max(r.CompletedJobs, 0)) / 5),
            ["past_earnings_log"] = r => (float)(Math.Log(1 + (double)Math.Max(r.TotalEarnings, 0)) / 15),
            ["past_has_reviews"] = r => HasReviews(r) ? 1 : 0,
            // Centred on the demo world's typical review so "no reviews yet" (0) sits at the average, not at the bottom.
            ["past_rating_centered"] = r => HasReviews(r) ? (float)((r.AverageRating - 3.6) / 1.0) : 0,
            ["past_satisfaction_centered"] = r => HasReviews(r) && r.ClientSatisfaction is { } s ? (float)((s - 72) / 12) : 0,
        };
        foreach (var (country, i) in Countries.Select((v, i) => (v, i)))
            c["country_" + Slug(country)] = r => Same(r.Country, Countries[i]) ? 1 : 0;
        foreach (var (skill, i) in Skills.Select((v, i) => (v, i)))
            c["skill_" + Slug(skill)] = r => SkillIndex(r.PrimarySkill) == i ? 1 : 0;
        return c;
    }

    /// <summary>A rating of 0 is the request's "none yet" (the scale is 1-5).</summary>
    private static bool HasReviews(PredictWorkerRating r) => r.AverageRating > 0;

    private static int SkillIndex(string? skill)
    {
        for (var i = 0; i < Skills.Count - 1; i++)
            if (Same(skill, Skills[i])) return i;
        return Skills.Count - 1;
    }

    private static bool Same(string? value, string name) => value is not null && string.Equals(value.Trim(), name, StringComparison.OrdinalIgnoreCase);

    private static string Slug(string name) => new(name.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : '_').ToArray());
}
