using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// Fits a <see cref="PriceFeatureSpec"/> from training requests only (never validation or test rows), so the
/// vocabularies a model sees are the ones it was trained with. Orders are deterministic: most frequent first,
/// ties by ordinal name; the served vocabularies are in ordinal order.
/// </summary>
public static class PriceFeatureFitter
{
    public const int DefaultHashBuckets = 1024;

    /// <summary>Seed 001: the top 30 categories and top 20 tags of the training rows.</summary>
    public static PriceFeatureSpec FitSeed(IEnumerable<PredictPrice> training)
    {
        var rows = training.Select(PriceFeatures.WithCategory).ToList();
        return new PriceFeatureSpec
        {
            Configuration = PriceFeatureConfigurations.Seed,
            Categories = Top(rows.Select(r => r.Category!.Trim()), PriceFeatureSpec.CategorySlots, StringComparer.OrdinalIgnoreCase),
            Tags = Top(rows.SelectMany(r => PriceFeatures.NormalisedTags(r.Tags)), PriceFeatureSpec.TagSlots, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// Served: every job scope, skill level, work environment, category and scope x category pair seen in
    /// training (a pair needs <paramref name="minPairCount"/> rows), and the hashed text block's width.
    /// </summary>
    public static PriceFeatureSpec FitServed(IEnumerable<PredictPrice> training, int hashBuckets = DefaultHashBuckets, int maxNgram = 2, int minPairCount = 1)
    {
        if (hashBuckets is < 0 or > PriceFeatureSpec.MaxHashBuckets)
            throw new ArgumentOutOfRangeException(nameof(hashBuckets), hashBuckets, $"must be between 0 and {PriceFeatureSpec.MaxHashBuckets}");
        if (maxNgram is < 1 or > PriceFeatureSpec.MaxNgram)
            throw new ArgumentOutOfRangeException(nameof(maxNgram), maxNgram, $"must be between 1 and {PriceFeatureSpec.MaxNgram}");
        var rows = training.Select(PriceFeatures.WithCategory).ToList();
        var pairs = rows
            .Where(r => !string.IsNullOrWhiteSpace(r.JobScope))
            .GroupBy(r => PriceFeatureSpec.ScopeCategoryKey(r.JobScope!.Trim(), r.Category!.Trim()), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() >= minPairCount)
            .Select(g => g.Key);
        return new PriceFeatureSpec
        {
            Configuration = PriceFeatureConfigurations.Served,
            JobScopes = Distinct(rows.Select(r => r.JobScope)),
            SkillLevels = Distinct(rows.Select(r => r.SkillLevel)),
            WorkEnvironments = Distinct(rows.Select(r => r.WorkEnvironment)),
            Categories = Distinct(rows.Select(r => r.Category)),
            ScopeCategories = Distinct(pairs),
            HashBuckets = hashBuckets,
            MaxNgramLength = maxNgram,
        };
    }

    private static List<string> Top(IEnumerable<string> values, int count, StringComparer comparer) =>
        values.Where(v => v.Length > 0)
            .GroupBy(v => v, comparer)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(g => g.Key)
            .ToList();

    private static List<string> Distinct(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v))
            .Select(v => v!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .Take(PriceFeatureSpec.MaxVocabulary)
            .ToList();
}
