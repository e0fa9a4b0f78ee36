using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>Why a freelancer row was left out of rating training. A row is counted once, under the first check it fails.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RatingCsvSkipReason>))]
public enum RatingCsvSkipReason
{
    /// <summary>Wrong number of fields, or a stray quote the CSV grammar rejects.</summary>
    Malformed,
    /// <summary>rating empty: no outcome.</summary>
    MissingRating,
    /// <summary>rating not a number, or outside 0-5.</summary>
    InvalidRating,
    /// <summary>rating 0.0: the scale is 1-5, so 0 means "not rated", not the worst rating.</summary>
    ZeroRating,
    /// <summary>client_satisfaction empty: the seed's composite target needs both components.</summary>
    MissingSatisfaction,
    /// <summary>client_satisfaction not a number (with or without %), or outside 0-100.</summary>
    InvalidSatisfaction,
    /// <summary>A usable row the split file does not name (the split names the rows with a usable rating).</summary>
    NotInSplit,
}

/// <summary>A repair that kept a row; a row may have several. Inputs the request lacks (age, gender) are cleaned and counted too.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RatingCsvRepair>))]
public enum RatingCsvRepair
{
    /// <summary>Gender empty or a spelling outside M/F/male/female (any case): unknown.</summary>
    GenderUnknown,
    /// <summary>Age empty or not a number: unknown.</summary>
    AgeUnknown,
    /// <summary>years_of_experience empty or not a number: 0, as a new profile has.</summary>
    ExperienceDefaulted,
    /// <summary>hourly rate empty or not a number after stripping "USD"/"$": no rate set.</summary>
    HourlyRateUnset,
    /// <summary>is_active empty or not one of 0/1/yes/no/true/false/y/n: unknown (the seed's 0.5).</summary>
    ActivityUnknown,
}

/// <summary>What reading the freelancer CSV for rating kept, skipped and repaired, for the training run's report.</summary>
public sealed record FreelancerRatingCsvReport
{
    [JsonPropertyName("source")] public required string Source { get; init; }
    /// <summary>Data rows read (header excluded).</summary>
    [JsonPropertyName("rows")] public required int Rows { get; init; }
    [JsonPropertyName("kept")] public required int Kept { get; init; }
    [JsonPropertyName("skipped")] public required IReadOnlyDictionary<RatingCsvSkipReason, int> Skipped { get; init; }
    [JsonPropertyName("repaired")] public required IReadOnlyDictionary<RatingCsvRepair, int> Repaired { get; init; }

    [JsonIgnore] public int SkippedTotal => Skipped.Values.Sum();

    public int SkippedFor(RatingCsvSkipReason reason) => Skipped.GetValueOrDefault(reason);
    public int RepairedFor(RatingCsvRepair repair) => Repaired.GetValueOrDefault(repair);
}
