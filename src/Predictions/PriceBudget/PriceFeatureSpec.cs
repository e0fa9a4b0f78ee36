using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// The fitted feature extractor of a price model, stored as JSON beside the ONNX file in the registry (never a
/// pickle, never recomputed at serving time): which feature configuration it is, the vocabularies learned from
/// the training data, the graph's input and output names, and the confidence the training run measured.
/// </summary>
/// <remarks>
/// <c>seed</c> (the default, so specs written before configurations existed still read) is seed 001's 60
/// features. <c>served</c> is what carries the price on our data: one-hots of job scope, skill level, work
/// environment, category and scope x category, then signed hashed n-grams of title, description and tags.
/// </remarks>
public sealed record PriceFeatureSpec : IModelFeatureSpec
{
    public const int CategorySlots = 30, TagSlots = 20;
    public const int SeedFeatureCount = 5 + 3 + 2 + TagSlots + CategorySlots;

    /// <summary>Bounds a served spec must respect, so a corrupt file cannot ask for a huge input.</summary>
    public const int MaxHashBuckets = 1 << 16, MaxVocabulary = 1000, MaxNgram = 3;

    [JsonPropertyName("configuration")] public string Configuration { get; init; } = PriceFeatureConfigurations.Seed;
    [JsonPropertyName("input_name")] public string InputName { get; init; } = "features";
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "prices";
    /// <summary>Categories in one-hot order: the top 30 of the training data for <c>seed</c>, all seen for <c>served</c>.</summary>
    [JsonPropertyName("categories")] public IReadOnlyList<string> Categories { get; init; } = [];
    /// <summary>Top tags of the training data, in one-hot order (at most 20; <c>seed</c> only).</summary>
    [JsonPropertyName("tags")] public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Reported as <c>confidence</c>: the share of test rows whose actual price fell in the predicted range.</summary>
    [JsonPropertyName("confidence")] public double Confidence { get; init; } = 0.5;

    // The served configuration's vocabularies, each in one-hot order; a value outside one maps to zeros.
    [JsonPropertyName("job_scopes")] public IReadOnlyList<string> JobScopes { get; init; } = [];
    [JsonPropertyName("skill_levels")] public IReadOnlyList<string> SkillLevels { get; init; } = [];
    [JsonPropertyName("work_environments")] public IReadOnlyList<string> WorkEnvironments { get; init; } = [];
    /// <summary>Scope x category pairs seen in training, written <c>SCOPE|Category</c>: prices scale by scope differently per trade.</summary>
    [JsonPropertyName("scope_categories")] public IReadOnlyList<string> ScopeCategories { get; init; } = [];
    /// <summary>Width of the hashed n-gram block (FNV-1a 32-bit, sign from the top bit); 0 turns text off.</summary>
    [JsonPropertyName("hash_buckets")] public int HashBuckets { get; init; }
    /// <summary>Longest word n-gram hashed from title and description (tags are hashed whole).</summary>
    [JsonPropertyName("max_ngram")] public int MaxNgramLength { get; init; } = 2;

    /// <summary>
    /// Served only, optional: log1p of the training rows' median [min, suggested, max] by "SCOPE|Category", by
    /// "SCOPE", and overall ("*"), for groups of at least 3 rows. When present the last three features are the
    /// request's group medians and the network predicts the difference from them (see PricePrior).
    /// </summary>
    [JsonPropertyName("prior")] public IReadOnlyDictionary<string, double[]> Prior { get; init; } = new Dictionary<string, double[]>();

    /// <summary>Width of the feature vector this spec's configuration extracts (the ONNX input's second dimension).</summary>
    [JsonIgnore]
    public int FeatureCount => Configuration == PriceFeatureConfigurations.Served
        ? JobScopes.Count + SkillLevels.Count + WorkEnvironments.Count + Categories.Count + ScopeCategories.Count + HashBuckets
          + (HasPrior ? 3 : 0)
        : SeedFeatureCount;

    [JsonIgnore] public bool HasPrior => Prior.Count > 0;

    /// <summary>Where the three prior columns start.</summary>
    [JsonIgnore] public int PriorOffset => FeatureCount - 3;

    public static string ScopeCategoryKey(string scope, string category) => $"{scope}|{category}";

    public string ToJson() => JsonSerializer.Serialize(this);

    public static PriceFeatureSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<PriceFeatureSpec>(json) ?? throw new JsonException("The price feature spec is empty.");
        switch (spec.Configuration)
        {
            case PriceFeatureConfigurations.Seed:
                if (spec.Categories.Count > CategorySlots || spec.Tags.Count > TagSlots)
                    throw new JsonException($"A price feature spec holds at most {CategorySlots} categories and {TagSlots} tags.");
                break;
            case PriceFeatureConfigurations.Served:
                if (spec.HashBuckets is < 0 or > MaxHashBuckets)
                    throw new JsonException($"hash_buckets must be between 0 and {MaxHashBuckets} (got {spec.HashBuckets}).");
                if (spec.MaxNgramLength is < 1 or > MaxNgram)
                    throw new JsonException($"max_ngram must be between 1 and {MaxNgram} (got {spec.MaxNgramLength}).");
                if (spec.HasPrior && (!spec.Prior.ContainsKey(PricePrior.Overall) || spec.Prior.Values.Any(v => v is not { Length: 3 } || v.Any(x => !double.IsFinite(x)))))
                    throw new JsonException("prior must map groups to three finite log prices and include the overall group \"*\".");
                if (new[] { spec.JobScopes, spec.SkillLevels, spec.WorkEnvironments, spec.Categories, spec.ScopeCategories }.Any(v => v.Count > MaxVocabulary))
                    throw new JsonException($"A served price feature spec's vocabularies hold at most {MaxVocabulary} entries each.");
                break;
            default:
                throw new JsonException($"Unknown price feature configuration '{spec.Configuration}' (expected seed or served).");
        }
        return spec;
    }
}
