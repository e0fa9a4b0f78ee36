using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// The feature spec of a cleaning-bid version: input and output names, the unit of its outputs and the quantiles
/// its three outputs were trained to (min, optimal, max), with the coverage the training run measured.
/// </summary>
public sealed record BidModelSpec : IModelFeatureSpec
{
    [JsonPropertyName("input_name")] public string InputName { get; init; } = "features";
    /// <summary>[N, 3]: min &lt;= optimal &lt;= max by construction (softplus deltas), in <see cref="AmountScale"/> EUR.</summary>
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "bids";
    [JsonPropertyName("feature_names")] public IReadOnlyList<string> FeatureNames { get; init; } = BidFeatures.Names;
    [JsonPropertyName("amount_scale")] public double AmountScale { get; init; } = 100;
    [JsonPropertyName("quantiles")] public IReadOnlyList<double> Quantiles { get; init; } = [0.1, 0.5, 0.9];
    /// <summary>Share of test winning bids inside [min, max].</summary>
    [JsonPropertyName("coverage")] public double Coverage { get; init; }

    public static BidModelSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<BidModelSpec>(json) ?? throw new JsonException("The cleaning-bid spec is empty.");
        if (spec.FeatureNames.Count != BidFeatures.Count)
            throw new JsonException($"A cleaning-bid spec names {BidFeatures.Count} features, this one {spec.FeatureNames.Count}.");
        if (!(spec.AmountScale > 0) || spec.Quantiles.Count != 3)
            throw new JsonException("A cleaning-bid spec needs a positive amount_scale and three quantiles.");
        return spec;
    }

    public string ToJson() => JsonSerializer.Serialize(this);
}
