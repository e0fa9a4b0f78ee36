using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>Why a CSV row was left out of training. A row is counted once, under the first check it fails.</summary>
public enum CsvSkipReason
{
    /// <summary>Wrong number of fields, or a stray quote the CSV grammar rejects.</summary>
    Malformed,
    EmptyTitle,
    /// <summary>rate_type other than "fixed" (hourly rows price a different thing).</summary>
    NotFixedPrice,
    /// <summary>Currency missing or not in the seed's table.</summary>
    UnknownCurrency,
    /// <summary>min_price or max_price empty.</summary>
    MissingPrice,
    /// <summary>A price that is not a finite invariant-culture number.</summary>
    NonNumericPrice,
    /// <summary>A price of zero or less: log1p targets and MAPE need positive prices.</summary>
    NonPositivePrice,
    /// <summary>avg_price outside [min, max] after any swap: which of the three is wrong cannot be told.</summary>
    AvgOutsideRange,
}

/// <summary>A repair that kept a row in training; a row may have several.</summary>
public enum CsvRepair
{
    /// <summary>min_price above max_price: the two were swapped (a reversed range, not a wrong one).</summary>
    MinMaxSwapped,
    /// <summary>avg_price empty: the midpoint of min and max stands in as the suggested price.</summary>
    AvgFromMidpoint,
    /// <summary>skill_level empty or unknown: INTERMEDIATE, the request default.</summary>
    SkillLevelDefaulted,
    /// <summary>job_scope or work_environment present but unknown: left out (the model sees zeros).</summary>
    UnknownScopeOrEnvironmentDropped,
    /// <summary>Tags written as plain comma-separated text instead of a list literal.</summary>
    TagsFromPlainText,
}

/// <summary>What reading a freelancer CSV kept, skipped and repaired, for the training run's report.</summary>
public sealed record FreelancerCsvReport
{
    [JsonPropertyName("source")] public required string Source { get; init; }
    /// <summary>Data rows read (header excluded).</summary>
    [JsonPropertyName("rows")] public required int Rows { get; init; }
    [JsonPropertyName("kept")] public required int Kept { get; init; }
    [JsonPropertyName("skipped")] public required IReadOnlyDictionary<CsvSkipReason, int> Skipped { get; init; }
    [JsonPropertyName("repaired")] public required IReadOnlyDictionary<CsvRepair, int> Repaired { get; init; }

    [JsonIgnore] public int SkippedTotal => Skipped.Values.Sum();

    public int SkippedFor(CsvSkipReason reason) => Skipped.GetValueOrDefault(reason);
    public int RepairedFor(CsvRepair repair) => Repaired.GetValueOrDefault(repair);
}
