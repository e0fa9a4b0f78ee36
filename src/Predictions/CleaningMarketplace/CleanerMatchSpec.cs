using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// The feature spec of a cleaner-match version (the hybrid of the collaborative and content networks), stored as
/// JSON with the version: the ID mappings the embeddings were trained on (seed 004's "ID mapping persistence"),
/// the property types in embedding order, and the graph's input and output names.
/// </summary>
/// <remarks>
/// Index 0 of every embedding is "unknown": a client, cleaner or property type the training data never saw maps
/// there, and such a pair is scored by the content network only (cold start).
/// </remarks>
public sealed record CleanerMatchSpec : IModelFeatureSpec
{
    public const int Unknown = 0;
    /// <summary>Bounds a served spec must respect, so a corrupt file cannot ask for a huge table.</summary>
    public const int MaxIds = 1_000_000;

    [JsonPropertyName("client_ids")] public IReadOnlyList<long> ClientIds { get; init; } = [];
    [JsonPropertyName("cleaner_ids")] public IReadOnlyList<long> CleanerIds { get; init; } = [];
    [JsonPropertyName("property_types")] public IReadOnlyList<string> PropertyTypes { get; init; } = [];
    [JsonPropertyName("feature_names")] public IReadOnlyList<string> FeatureNames { get; init; } = CleanerMatchFeatures.Names;
    /// <summary>The learned weight of the collaborative network in the hybrid (seed: "alpha").</summary>
    [JsonPropertyName("alpha")] public double Alpha { get; init; }

    [JsonPropertyName("client_input")] public string ClientInput { get; init; } = "client_id";
    [JsonPropertyName("cleaner_input")] public string CleanerInput { get; init; } = "cleaner_id";
    [JsonPropertyName("property_type_input")] public string PropertyTypeInput { get; init; } = "property_type";
    [JsonPropertyName("input_name")] public string InputName { get; init; } = "features";
    /// <summary>[N, 1] hybrid score 0-1 (a predicted review / 10).</summary>
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "score";
    [JsonPropertyName("collaborative_output")] public string CollaborativeOutput { get; init; } = "collaborative";
    [JsonPropertyName("content_output")] public string ContentOutput { get; init; } = "content";

    private Dictionary<long, long>? _clients, _cleaners;
    private Dictionary<string, long>? _types;

    public long ClientIndex(long clientId) => Index(_clients ??= Map(ClientIds), clientId);

    public long CleanerIndex(long cleanerId) => Index(_cleaners ??= Map(CleanerIds), cleanerId);

    public long PropertyTypeIndex(string propertyType) =>
        (_types ??= PropertyTypes.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => (long)x.i + 1, StringComparer.OrdinalIgnoreCase))
        .TryGetValue(propertyType.Trim(), out var index) ? index : Unknown;

    /// <summary>True when both sides of the pair were in the training data, so the hybrid (not only content) may score it.</summary>
    public bool IsKnownPair(long clientId, long cleanerId) => ClientIndex(clientId) != Unknown && CleanerIndex(cleanerId) != Unknown;

    public static CleanerMatchSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<CleanerMatchSpec>(json) ?? throw new JsonException("The cleaner-match spec is empty.");
        if (spec.ClientIds.Count > MaxIds || spec.CleanerIds.Count > MaxIds || spec.PropertyTypes.Count > 100)
            throw new JsonException("The cleaner-match spec's mappings are larger than any served model.");
        if (spec.FeatureNames.Count != CleanerMatchFeatures.Count)
            throw new JsonException($"A cleaner-match spec names {CleanerMatchFeatures.Count} features, this one {spec.FeatureNames.Count}.");
        if (spec.ClientIds.Distinct().Count() != spec.ClientIds.Count || spec.CleanerIds.Distinct().Count() != spec.CleanerIds.Count)
            throw new JsonException("The cleaner-match spec maps an id twice.");
        return spec;
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    private static Dictionary<long, long> Map(IReadOnlyList<long> ids) => ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (long)x.i + 1);

    private static long Index(Dictionary<long, long> map, long id) => map.TryGetValue(id, out var index) ? index : Unknown;
}
