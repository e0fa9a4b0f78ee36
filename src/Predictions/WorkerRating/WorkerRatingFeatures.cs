using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>A worker-rating model's extractor JSON: graph names only; the seed fixes its vocabularies.</summary>
public sealed record WorkerRatingFeatureSpec : IModelFeatureSpec
{
    [JsonPropertyName("input_name")] public string InputName { get; init; } = "features";
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "score";

    public static WorkerRatingFeatureSpec Parse(string json) =>
        JsonSerializer.Deserialize<WorkerRatingFeatureSpec>(json) ?? throw new JsonException("The worker-rating feature spec is empty.");
}

/// <summary>
/// Seed 001 Model 3's 43 features: profile 3, experience 2, credentials 2, performance 4, activity 1,
/// country one-hot 20 and skill one-hot 11 (unknown skills are "Other").
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

    public static float[] Extract(PredictWorkerRating r)
    {
        var f = new float[Count];
        f[0] = (float)Math.Clamp(r.ProfileCompletion / 100, 0, 1);
        f[1] = Math.Min(r.BioLength / 500f, 1);
        f[2] = r.HourlyRate is > 0 ? 1 : 0;
        f[3] = (float)Math.Min(r.YearsExperience / 40, 1);
        f[4] = Math.Min(r.SpecializationsCount / 10f, 1);
        f[5] = Math.Min(r.CertificationsCount / 10f, 1);
        f[6] = r.CertificationsCount > 0 ? (float)r.VerifiedCertificationsCount / r.CertificationsCount : 0;
        f[7] = Math.Min(r.CompletedJobs / 100f, 1);
        f[8] = (float)Math.Clamp(r.AverageRating / 5, 0, 1);
        f[9] = (float)Math.Min((double)r.TotalEarnings / 500_000, 1);
        f[10] = r.ClientSatisfaction is { } satisfaction ? (float)(satisfaction / 100) : 0.5f; // unknown: the middle
        f[11] = r.IsActive switch { true => 1, false => 0, null => 0.5f };
        var country = IndexOf(Countries, r.Country);
        if (country >= 0)
            f[12 + country] = 1;
        var skill = IndexOf(Skills, r.PrimarySkill);
        f[12 + Countries.Count + (skill >= 0 ? skill : Skills.Count - 1)] = 1;
        return f;
    }

    private static int IndexOf(IReadOnlyList<string> values, string? value) =>
        value is null ? -1 : values.ToList().FindIndex(v => string.Equals(v, value.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>A worker-rating model's sigmoid output x 100, with the seed's bands and the points table's suggestions.</summary>
public static class WorkerRatingModelOutput
{
    public static WorkerRatingPrediction ToPrediction(float sigmoid, PredictWorkerRating request, int version)
    {
        var score = Math.Round(Math.Clamp(sigmoid * 100.0, 0, 100), 1);
        return WorkerRatingHeuristic.Estimate(request, PredictionSources.Model) with
        {
            ProfileScore = score,
            RatingCategory = RatingCategories.For(score),
            ModelVersion = version,
        };
    }
}
