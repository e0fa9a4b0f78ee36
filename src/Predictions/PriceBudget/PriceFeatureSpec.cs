using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// The fitted feature extractor of a price model, stored as JSON beside the ONNX file in the registry (never a
/// pickle, never recomputed at serving time): the category and tag vocabularies learned from the training data,
/// the graph's input and output names, and the confidence the training run measured.
/// </summary>
public sealed record PriceFeatureSpec : IModelFeatureSpec
{
    public const int CategorySlots = 30, TagSlots = 20;
    public const int FeatureCount = 5 + 3 + 2 + TagSlots + CategorySlots;

    [JsonPropertyName("input_name")] public string InputName { get; init; } = "features";
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "prices";
    /// <summary>Top categories of the training data, in one-hot order (at most 30).</summary>
    [JsonPropertyName("categories")] public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>Top tags of the training data, in one-hot order (at most 20).</summary>
    [JsonPropertyName("tags")] public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Reported as <c>confidence</c>: the share of test rows whose actual price fell in the predicted range.</summary>
    [JsonPropertyName("confidence")] public double Confidence { get; init; } = 0.5;

    public static PriceFeatureSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<PriceFeatureSpec>(json) ?? throw new JsonException("The price feature spec is empty.");
        if (spec.Categories.Count > CategorySlots || spec.Tags.Count > TagSlots)
            throw new JsonException($"A price feature spec holds at most {CategorySlots} categories and {TagSlots} tags.");
        return spec;
    }
}
