using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.CompletionTime;

/// <summary>
/// A completion-time model's extractor JSON: its configuration, graph names, the category list in one-hot order,
/// what the served features were fitted to on the training rows, and the calibrated 75% interval.
/// </summary>
/// <remarks>
/// The interval is split-conformal: <see cref="IntervalHalfWidth"/> is the 75% conformal quantile of
/// |log1p(actual) - log1p(predicted)| on the validation rows, so [expm1(p - w), expm1(p + w)] covers about 75% of
/// unseen rows. Specs without it (written before training existed) fall back to x/÷ exp(1.15 x log_residual_sd).
/// </remarks>
public sealed record CompletionTimeFeatureSpec : IModelFeatureSpec
{
    public const int CategorySlots = 30;

    /// <summary>Per-category fitted values a served spec may hold: bounds so a corrupt file cannot ask for much.</summary>
    public const int MaxCategories = 1000;

    [JsonPropertyName("configuration")] public string Configuration { get; init; } = CompletionTimeFeatureConfigurations.Seed;
    [JsonPropertyName("input_name")] public string InputName { get; init; } = "features";
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "log_hours";
    [JsonPropertyName("categories")] public IReadOnlyList<string> Categories { get; init; } = [];
    [JsonPropertyName("log_residual_sd")] public double LogResidualSd { get; init; } = 0.5;

    /// <summary>Half width of the 75% interval in log1p(hours), from validation residuals (split-conformal).</summary>
    [JsonPropertyName("interval_half_width")] public double? IntervalHalfWidth { get; init; }

    /// <summary>The interval's coverage measured on the test rows (reported, not used).</summary>
    [JsonPropertyName("test_coverage")] public double? TestCoverage { get; init; }

    // Served only: fitted on the training rows, by category name (case-insensitive at lookup).
    /// <summary>Mean log1p(hours) per category; the network predicts the difference from it.</summary>
    [JsonPropertyName("category_log_hours")] public IReadOnlyDictionary<string, double> CategoryLogHours { get; init; } = new Dictionary<string, double>();
    /// <summary>Mean log1p(hours) over all training rows, the prior of a category not in the table.</summary>
    [JsonPropertyName("overall_log_hours")] public double OverallLogHours { get; init; }
    /// <summary>Median budget per category (PHP): a budget is measured against its category's usual one.</summary>
    [JsonPropertyName("category_budget")] public IReadOnlyDictionary<string, double> CategoryBudget { get; init; } = new Dictionary<string, double>();
    /// <summary>Median budget over all training rows.</summary>
    [JsonPropertyName("overall_budget")] public double OverallBudget { get; init; } = 1;
    /// <summary>Paced jobs at which a worker's own pace and "no evidence" (0) weigh the same.</summary>
    [JsonPropertyName("pace_shrinkage_jobs")] public double PaceShrinkageJobs { get; init; } = 3;

    [JsonIgnore]
    public int FeatureCount => Configuration == CompletionTimeFeatureConfigurations.Served
        ? CompletionTimeFeatures.Count + CompletionTimeFeatures.ServedExtra
        : CompletionTimeFeatures.Count;

    /// <summary>Where the served configuration's prior column sits (the network adds it to its output).</summary>
    [JsonIgnore] public int PriorOffset => CompletionTimeFeatures.Count;

    public string ToJson() => JsonSerializer.Serialize(this);

    public static CompletionTimeFeatureSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<CompletionTimeFeatureSpec>(json) ?? throw new JsonException("The completion-time feature spec is empty.");
        if (spec.Categories.Count > CategorySlots)
            throw new JsonException($"A completion-time feature spec holds at most {CategorySlots} categories.");
        if (spec.Configuration is not (CompletionTimeFeatureConfigurations.Seed or CompletionTimeFeatureConfigurations.Served))
            throw new JsonException($"Unknown completion-time feature configuration '{spec.Configuration}' (expected seed or served).");
        if (spec.IntervalHalfWidth is { } w && (!double.IsFinite(w) || w < 0 || w > 10))
            throw new JsonException("interval_half_width must be between 0 and 10.");
        if (spec.CategoryLogHours.Count > MaxCategories || spec.CategoryBudget.Count > MaxCategories)
            throw new JsonException($"A completion-time feature spec holds at most {MaxCategories} fitted categories.");
        if (spec.Configuration == CompletionTimeFeatureConfigurations.Served
            && (!double.IsFinite(spec.OverallLogHours) || spec.OverallBudget <= 0 || spec.PaceShrinkageJobs < 0
                || spec.CategoryLogHours.Values.Any(v => !double.IsFinite(v)) || spec.CategoryBudget.Values.Any(v => !(v > 0))))
            throw new JsonException("A served completion-time spec needs finite log hours, positive budgets and a non-negative pace shrinkage.");
        return spec;
    }
}
