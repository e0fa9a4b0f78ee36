using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// The one entry point training and the InferenceWorker both call, so the two can never disagree about a
/// feature: a request that names no category gets the one <see cref="PriceCategoryRules"/> derives from its
/// title and tags (as every freelancer CSV row does), then the spec's configuration picks the extractor.
/// </summary>
public static class PriceFeatures
{
    /// <returns><see cref="PriceFeatureSpec.FeatureCount"/> floats.</returns>
    public static float[] Extract(PredictPrice request, PriceFeatureSpec spec)
    {
        var resolved = WithCategory(request);
        return spec.Configuration switch
        {
            PriceFeatureConfigurations.Seed => PriceFeatureExtractor.Extract(resolved, spec),
            PriceFeatureConfigurations.Served => ServedPriceFeatureExtractor.Extract(resolved, spec),
            _ => throw new ArgumentException($"Unknown price feature configuration '{spec.Configuration}'.", nameof(spec)),
        };
    }

    /// <summary>The request with its own category, or the derived one when it names none.</summary>
    public static PredictPrice WithCategory(PredictPrice request) =>
        string.IsNullOrWhiteSpace(request.Category)
            ? request with { Category = PriceCategoryRules.Derive(request.Title, request.Tags) }
            : request;

    /// <summary>Rows of <paramref name="requests"/>' features, packed row-major for a [rows, FeatureCount] tensor.</summary>
    public static float[] ExtractBatch(IReadOnlyList<PredictPrice> requests, PriceFeatureSpec spec)
    {
        var width = spec.FeatureCount;
        var data = new float[requests.Count * width];
        for (var i = 0; i < requests.Count; i++)
            Extract(requests[i], spec).CopyTo(data, i * width);
        return data;
    }

    /// <summary>Tags as both configurations compare them: trimmed, lower case, each once, in order.</summary>
    public static List<string> NormalisedTags(IReadOnlyList<string>? tags) =>
        (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().ToList();
}
