using System.Text.Json;
using System.Text.Json.Serialization;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.JobBoard;

/// <summary>
/// The feature spec of a job-recommender version, stored as JSON beside its ONNX file: seed 002's label encoders (users,
/// jobs, locations, companies), the skill vocabulary with its IDF (the TF-IDF skill extraction), the skill-bag size,
/// and the graph's input and output names. Training writes it; serving encodes candidates with it, so the two cannot
/// disagree about a feature.
/// </summary>
/// <remarks>
/// Index 0 of every table is "unknown" (a user, job, location or company the training data never saw); for skills it
/// is also the padding of a bag shorter than <see cref="MaxSkills"/>, and the network's mean pooling skips it.
/// </remarks>
public sealed record JobRecommenderSpec : IModelFeatureSpec
{
    public const long Unknown = 0;
    /// <summary>Bounds a served spec must respect, so a corrupt file cannot ask for a huge table.</summary>
    public const int MaxIds = 5_000_000;
    public const int DefaultMaxSkills = 10;
    public const int DefaultExtractedSkills = 5;

    [JsonPropertyName("user_ids")] public IReadOnlyList<long> UserIds { get; init; } = [];
    [JsonPropertyName("job_ids")] public IReadOnlyList<long> JobIds { get; init; } = [];
    /// <summary>Normalized (<see cref="SkillExtractor.Normalize"/>) location names.</summary>
    [JsonPropertyName("locations")] public IReadOnlyList<string> Locations { get; init; } = [];
    /// <summary>Normalized company names.</summary>
    [JsonPropertyName("companies")] public IReadOnlyList<string> Companies { get; init; } = [];
    [JsonPropertyName("skills")] public IReadOnlyList<string> Skills { get; init; } = [];
    [JsonPropertyName("skill_idf")] public IReadOnlyList<double> SkillIdf { get; init; } = [];
    /// <summary>Skills per job the network pools over (seed: max_skills).</summary>
    [JsonPropertyName("max_skills")] public int MaxSkills { get; init; } = DefaultMaxSkills;
    /// <summary>How many description terms (by TF-IDF) join a job's listed skills.</summary>
    [JsonPropertyName("extracted_skills")] public int ExtractedSkills { get; init; } = DefaultExtractedSkills;
    /// <summary>
    /// Whether each of a job's skills is looked up in one of two rows, by whether the user's profile lists it (row i + 1
    /// when not, row <see cref="Skills"/>.Count + i + 1 when it does). The seed trains on the job's skills and predicts with
    /// the user's; neither alone says whether they meet, and jobs and users new since training have only that to go on.
    /// Off (a spec written without it): the job's skills as they are.
    /// </summary>
    [JsonPropertyName("mark_user_skills")] public bool MarkUserSkills { get; init; }
    /// <summary>Likewise for the location field: a job in the user's own location takes row <see cref="Locations"/>.Count + i + 1.</summary>
    [JsonPropertyName("mark_user_location")] public bool MarkUserLocation { get; init; }

    [JsonPropertyName("user_input")] public string UserInput { get; init; } = "user_id";
    [JsonPropertyName("job_input")] public string JobInput { get; init; } = "job_id";
    [JsonPropertyName("location_input")] public string LocationInput { get; init; } = "location";
    [JsonPropertyName("company_input")] public string CompanyInput { get; init; } = "company";
    /// <summary>int64 [N, <see cref="MaxSkills"/>] skill indices, 0-padded.</summary>
    [JsonPropertyName("input_name")] public string InputName { get; init; } = "skills";
    /// <summary>float [N, 1]: the probability that the user applies.</summary>
    [JsonPropertyName("output_name")] public string OutputName { get; init; } = "score";

    private Dictionary<long, long>? _users, _jobs;
    private Dictionary<string, long>? _locations, _companies;
    private SkillExtractor? _extractor;

    /// <summary>The TF-IDF extractor over <see cref="Skills"/>; its index i is embedding row i + 1.</summary>
    [JsonIgnore] public SkillExtractor Extractor => _extractor ??= new SkillExtractor(Skills, SkillIdf);

    public long UserIndex(long userId) => Index(_users ??= Map(UserIds), userId);

    public long JobIndex(long jobId) => Index(_jobs ??= Map(JobIds), jobId);

    public long LocationIndex(string? location) => Index(_locations ??= Map(Locations), location);

    public long CompanyIndex(string? company) => Index(_companies ??= Map(Companies), company);

    /// <summary>The embedding row of a skill (1-based), or <see cref="Unknown"/>.</summary>
    public long SkillIndex(string skill) => Extractor.IndexOf(skill) + 1;

    /// <summary>Rows of the skill embedding table: padding, each skill, and with <see cref="MarkUserSkills"/> each skill again as "the user has it".</summary>
    [JsonIgnore] public int SkillRows => (MarkUserSkills ? 2 : 1) * Skills.Count + 1;

    /// <summary>Rows of the location embedding table: unknown, each location, and with <see cref="MarkUserLocation"/> each again as "the user's own".</summary>
    [JsonIgnore] public int LocationRows => (MarkUserLocation ? 2 : 1) * Locations.Count + 1;

    /// <summary>A job location's row for a user whose profile location is <paramref name="userLocation"/> (an index, or unknown).</summary>
    public long LocationRowFor(long locationIndex, long userLocation) =>
        MarkUserLocation && locationIndex != Unknown && locationIndex == userLocation ? locationIndex + Locations.Count : locationIndex;

    /// <summary>The <see cref="SkillIndex"/> of each of a user's profile skills that is in the vocabulary.</summary>
    public IReadOnlySet<long> UserSkillIndices(IEnumerable<string>? skills) =>
        (skills ?? []).Select(SkillIndex).Where(i => i != Unknown).ToHashSet();

    /// <summary>A job skill's row for a user: <paramref name="skillIndex"/>, or its "the user has it" row when marking is on and they do.</summary>
    public long SkillRowFor(long skillIndex, IReadOnlySet<long> userSkills) =>
        MarkUserSkills && skillIndex != Unknown && userSkills.Contains(skillIndex) ? skillIndex + Skills.Count : skillIndex;

    public static JobRecommenderSpec Parse(string json)
    {
        var spec = JsonSerializer.Deserialize<JobRecommenderSpec>(json) ?? throw new JsonException("The job-recommender spec is empty.");
        if (spec.UserIds.Count > MaxIds || spec.JobIds.Count > MaxIds || spec.Locations.Count > MaxIds || spec.Companies.Count > MaxIds || spec.Skills.Count > MaxIds)
            throw new JsonException("The job-recommender spec's mappings are larger than any served model.");
        if (spec.Skills.Count != spec.SkillIdf.Count)
            throw new JsonException($"The job-recommender spec has {spec.Skills.Count} skills and {spec.SkillIdf.Count} IDF weights.");
        if (spec.MaxSkills is < 1 or > 100 || spec.ExtractedSkills < 0)
            throw new JsonException($"The job-recommender spec's max_skills ({spec.MaxSkills}) must be 1-100 and extracted_skills ({spec.ExtractedSkills}) not negative.");
        if (spec.UserIds.Distinct().Count() != spec.UserIds.Count || spec.JobIds.Distinct().Count() != spec.JobIds.Count
            || spec.Locations.Distinct().Count() != spec.Locations.Count || spec.Companies.Distinct().Count() != spec.Companies.Count)
            throw new JsonException("The job-recommender spec maps an id or name twice.");
        _ = spec.Extractor; // a repeated or empty skill fails here, at load, not at the first request
        return spec;
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    private static Dictionary<long, long> Map(IReadOnlyList<long> ids) => ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => (long)x.i + 1);

    private static Dictionary<string, long> Map(IReadOnlyList<string> names) =>
        names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => (long)x.i + 1, StringComparer.Ordinal);

    private static long Index(Dictionary<long, long> map, long id) => map.TryGetValue(id, out var index) ? index : Unknown;

    private static long Index(Dictionary<string, long> map, string? name) =>
        name is not null && map.TryGetValue(SkillExtractor.Normalize(name), out var index) ? index : Unknown;
}
