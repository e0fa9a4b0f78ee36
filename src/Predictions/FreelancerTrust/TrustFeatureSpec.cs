using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>
/// A trust model's extractor JSON: its graph names, the encoder whose vectors it was trained on, the indicators'
/// standardization fitted on the training rows, and which timesteps it reads (<see cref="TrustConfigurations"/>).
/// The graph's input is [batch, 2 x dimensions], reshaped inside the graph to the seed's (2, dimensions).
/// </summary>
public sealed record TrustFeatureSpec : IModelFeatureSpec
{
    [JsonPropertyName("input_name")] public string InputName { get; init; } = "profile";
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "trust_probability";
    [JsonPropertyName("encoder")] public string Encoder { get; init; } = "all-MiniLM-L6-v2";
    [JsonPropertyName("text_dimensions")] public int TextDimensions { get; init; } = 384;
    [JsonPropertyName("configuration")] public string Configuration { get; init; } = TrustConfigurations.Seed;
    [JsonPropertyName("indicator_means")] public IReadOnlyList<double> IndicatorMeans { get; init; } = new double[TrustIndicators.Count];
    [JsonPropertyName("indicator_scales")] public IReadOnlyList<double> IndicatorScales { get; init; } = Enumerable.Repeat(1.0, TrustIndicators.Count).ToArray();
    /// <summary>The probability at or above which the label is trustworthy.</summary>
    [JsonPropertyName("threshold")] public double Threshold { get; init; } = 0.5;

    [JsonIgnore] public int RowWidth => 2 * TextDimensions;

    public string ToJson() => JsonSerializer.Serialize(this);

    public static TrustFeatureSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<TrustFeatureSpec>(json) ?? throw new JsonException("The trust feature spec is empty.");
        if (spec.IndicatorMeans.Count != TrustIndicators.Count || spec.IndicatorScales.Count != TrustIndicators.Count)
            throw new JsonException($"The trust feature spec needs {TrustIndicators.Count} indicator means and scales.");
        if (spec.IndicatorScales.Any(s => !(s > 0)))
            throw new JsonException("The trust feature spec's indicator scales must be positive.");
        if (spec.TextDimensions < TrustIndicators.Count)
            throw new JsonException($"The trust feature spec's text dimensions must be at least {TrustIndicators.Count}.");
        if (!TrustConfigurations.All.Contains(spec.Configuration))
            throw new JsonException($"The trust feature spec names an unknown configuration '{spec.Configuration}'.");
        return spec;
    }
}

/// <summary>Which of the seed's two timesteps a network reads; the other is zeros. The ablation trains all three.</summary>
public static class TrustConfigurations
{
    /// <summary>Seed 003: timestep 0 the text embedding, timestep 1 the six standardized indicators, zero-padded.</summary>
    public const string Seed = "seed";

    public const string TextOnly = "text-only";

    public const string IndicatorsOnly = "indicators-only";

    public static readonly IReadOnlyList<string> All = [Seed, TextOnly, IndicatorsOnly];
}
