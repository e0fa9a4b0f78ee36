using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>
/// A worker-rating model's extractor JSON: its graph names, its configuration and the names of its input features in
/// order (see <see cref="WorkerRatingFeatures"/>); without a list, the seed's 43. The interval is the split-conformal
/// 75% half-width in score points measured on validation rows (null for a spec written before it existed).
/// </summary>
public sealed record WorkerRatingFeatureSpec : IModelFeatureSpec
{
    [JsonPropertyName("input_name")] public string InputName { get; init; } = "features";
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "score";
    [JsonPropertyName("configuration")] public string Configuration { get; init; } = WorkerRatingConfigurations.Seed;
    [JsonPropertyName("features")] public IReadOnlyList<string>? Features { get; init; }
    /// <summary>What the model was trained to predict, in words (the served target differs from the seed's).</summary>
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("interval_half_width")] public double? IntervalHalfWidth { get; init; }
    /// <summary>The rate the "set an hourly rate" change proposes: the training rows' median of set rates.</summary>
    [JsonPropertyName("typical_hourly_rate")] public decimal TypicalHourlyRate { get; init; } = 300;

    [JsonIgnore] public IReadOnlyList<string> FeatureNames => Features ?? WorkerRatingFeatures.SeedNames;

    public string ToJson() => JsonSerializer.Serialize(this);

    public static WorkerRatingFeatureSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<WorkerRatingFeatureSpec>(json) ?? throw new JsonException("The worker-rating feature spec is empty.");
        foreach (var name in spec.FeatureNames)
            if (!WorkerRatingFeatures.IsKnown(name))
                throw new JsonException($"The worker-rating feature spec names an unknown feature '{name}'.");
        return spec;
    }
}

/// <summary>The two ways a worker-rating model is built: the seed's as written, and the non-leaking served one.</summary>
public static class WorkerRatingConfigurations
{
    /// <summary>Seed 001 §Model 3: 43 features, LSTM network. On a snapshot (the freelancer CSV) its inputs include the
    /// target's own components, so it is kept only as a labelled comparison and never activated automatically.</summary>
    public const string Seed = "seed";

    /// <summary>Inputs known before the outcome only, network chosen on validation rows.</summary>
    public const string Served = "served";
}
