using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// Seed 001 Model 2's 60 features: text 5, metadata 3, tags 22 (has tags, count, top-20 one-hot),
/// category 30 one-hot. Unknown categories and tags map to zeros, as the seed says. Callers go through
/// <see cref="PriceFeatures.Extract"/>, which derives a missing category first.
/// </summary>
public static class PriceFeatureExtractor
{
    public static float[] Extract(PredictPrice request, PriceFeatureSpec spec)
    {
        if (spec.Configuration != PriceFeatureConfigurations.Seed)
            throw new ArgumentException($"A '{spec.Configuration}' spec cannot drive the seed extractor.", nameof(spec));
        var f = new float[PriceFeatureSpec.SeedFeatureCount];
        var title = request.Title ?? "";
        var description = request.Description ?? "";
        var titleWords = Words(title);
        var descriptionWords = Words(description);
        var allWords = titleWords.Concat(descriptionWords).ToList();

        f[0] = title.Length / 100f;
        f[1] = titleWords.Count / 20f;
        f[2] = Math.Min(description.Length, 10_000) / 5000f;
        f[3] = Math.Min(descriptionWords.Count, 2000) / 500f;
        f[4] = allWords.Count == 0 ? 0 : (float)allWords.Average(w => w.Length) / 10f;

        f[5] = Level(request.Urgency, Urgency.All) / 2f;
        f[6] = Level(request.SkillLevel, SkillLevel.All) / 2f;
        f[7] = Math.Min(request.Materials?.Count ?? 0, 10) / 10f;

        var tags = PriceFeatures.NormalisedTags(request.Tags);
        f[8] = tags.Count > 0 ? 1 : 0;
        f[9] = Math.Min(tags.Count, 10) / 10f;
        for (var i = 0; i < spec.Tags.Count; i++)
            f[10 + i] = tags.Contains(spec.Tags[i].ToLowerInvariant()) ? 1 : 0;

        var category = request.Category?.Trim();
        for (var i = 0; i < spec.Categories.Count; i++)
            f[10 + PriceFeatureSpec.TagSlots + i] = string.Equals(spec.Categories[i], category, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        return f;
    }

    private static List<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();

    private static int Level(string value, IReadOnlyList<string> levels) => Math.Max(0, levels.ToList().IndexOf(value));
}
