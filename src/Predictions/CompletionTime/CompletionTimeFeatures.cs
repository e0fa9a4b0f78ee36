using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.CompletionTime;

/// <summary>
/// A completion-time model's extractor JSON: graph names, the category list in one-hot order, and the spread
/// of ln(hours) residuals on the test split, from which the 75% interval is drawn.
/// </summary>
public sealed record CompletionTimeFeatureSpec : IModelFeatureSpec
{
    public const int CategorySlots = 30;

    [JsonPropertyName("input_name")] public string InputName { get; init; } = "features";
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "log_hours";
    [JsonPropertyName("categories")] public IReadOnlyList<string> Categories { get; init; } = [];
    [JsonPropertyName("log_residual_sd")] public double LogResidualSd { get; init; } = 0.5;

    public static CompletionTimeFeatureSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<CompletionTimeFeatureSpec>(json) ?? throw new JsonException("The completion-time feature spec is empty.");
        if (spec.Categories.Count > CategorySlots)
            throw new JsonException($"A completion-time feature spec holds at most {CategorySlots} categories.");
        return spec;
    }
}

/// <summary>
/// Seed 001 Model 1's 43 features: budget, urgency, materials, job type, category one-hot 30, day, hour and
/// month of the request, and 6 worker-history features, zero when no worker is assigned (as the seed does;
/// we keep no worker histories yet, so they are always zero here).
/// </summary>
public static class CompletionTimeFeatures
{
    public const int Count = 43;

    public static float[] Extract(PredictCompletionTime r, string? categoryName, CompletionTimeFeatureSpec spec, DateTimeOffset at)
    {
        var f = new float[Count];
        f[0] = (float)Math.Min((double)(r.Budget ?? 0) / 100_000, 1);
        f[1] = Math.Max(0, Urgency.All.ToList().IndexOf(r.Urgency));
        f[2] = Math.Min(r.Materials?.Count ?? 0, 10);
        f[3] = r.JobType == JobType.Invite ? 1 : 0;
        var category = spec.Categories.ToList().FindIndex(c => string.Equals(c, categoryName, StringComparison.OrdinalIgnoreCase));
        if (category >= 0)
            f[4 + category] = 1;
        f[34] = (int)at.DayOfWeek / 6f;
        f[35] = at.Hour / 23f;
        f[36] = (at.Month - 1) / 11f;
        return f; // 37-42: worker history, zero
    }

    /// <summary>expm1 of the model's ln(1 + hours), with the same 75% interval and wording as the fallback.</summary>
    public static CompletionTimePrediction ToPrediction(float logHours, CompletionTimeFeatureSpec spec, int version, string? category)
    {
        var hours = Math.Round(Math.Clamp(Math.Exp(Math.Clamp(logHours, -20f, 20f)) - 1,
            CompletionTimeFallbackEstimator.MinHours, CompletionTimeFallbackEstimator.MaxHours), 2);
        var spread = Math.Exp(CompletionTimeFallbackEstimator.Z75 * spec.LogResidualSd);
        return new CompletionTimePrediction
        {
            PredictedHours = hours,
            ConfidenceIntervalLower = Math.Round(Math.Max(CompletionTimeFallbackEstimator.MinHours, hours / spread), 2),
            ConfidenceIntervalUpper = Math.Round(Math.Min(CompletionTimeFallbackEstimator.MaxHours, hours * spread), 2),
            ConfidenceLevel = CompletionTimeFallbackEstimator.ConfidenceLevel,
            FormattedDuration = DurationFormatter.Format(hours),
            Source = PredictionSources.Model,
            Category = category,
            ModelVersion = version,
        };
    }
}
