using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// The <c>served</c> configuration: one-hots of job scope, skill level, work environment, category and
/// scope x category (in the spec's vocabulary order; a value outside it is all zeros), then
/// <see cref="PriceFeatureSpec.HashBuckets"/> signed hashed n-grams of title and description words and whole
/// tags. Every value lies in [-1, 1], so no scaling is stored; with a prior, three log prices (~5-13) follow.
/// </summary>
public static class ServedPriceFeatureExtractor
{
    /// <param name="request">A request whose <c>Category</c> is already resolved (see <see cref="PriceFeatures.Extract"/>).</param>
    public static float[] Extract(PredictPrice request, PriceFeatureSpec spec)
    {
        if (spec.Configuration != PriceFeatureConfigurations.Served)
            throw new ArgumentException($"A '{spec.Configuration}' spec cannot drive the served extractor.", nameof(spec));
        var f = new float[spec.FeatureCount];
        var offset = 0;
        offset = OneHot(f, offset, spec.JobScopes, request.JobScope);
        offset = OneHot(f, offset, spec.SkillLevels, request.SkillLevel);
        offset = OneHot(f, offset, spec.WorkEnvironments, request.WorkEnvironment);
        offset = OneHot(f, offset, spec.Categories, request.Category);
        var pair = request.JobScope is { } scope && request.Category is { } category
            ? PriceFeatureSpec.ScopeCategoryKey(scope.Trim(), category.Trim())
            : null;
        offset = OneHot(f, offset, spec.ScopeCategories, pair);

        var text = f.AsSpan(offset, spec.HashBuckets);
        TextHashing.Add(text, "title", TextHashing.Ngrams(TextHashing.Words(request.Title), spec.MaxNgramLength));
        TextHashing.Add(text, "description", TextHashing.Ngrams(TextHashing.Words(request.Description), spec.MaxNgramLength));
        TextHashing.Add(text, "tag", PriceFeatures.NormalisedTags(request.Tags));
        if (spec.HasPrior)
        {
            var prior = PricePrior.Lookup(spec, request);
            for (var k = 0; k < 3; k++) f[spec.PriorOffset + k] = (float)prior[k];
        }
        return f;
    }

    private static int OneHot(float[] f, int offset, IReadOnlyList<string> vocabulary, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            var trimmed = value.Trim();
            for (var i = 0; i < vocabulary.Count; i++)
            {
                if (string.Equals(vocabulary[i], trimmed, StringComparison.OrdinalIgnoreCase))
                {
                    f[offset + i] = 1;
                    break;
                }
            }
        }
        return offset + vocabulary.Count;
    }
}
