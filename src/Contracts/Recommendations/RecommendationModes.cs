namespace iAyos.Messaging.Contracts.Recommendations;

/// <summary>The seed's engine modes.</summary>
public static class RecommendationModes
{
    public const string RuleBased = "rule_based";
    public const string Neural = "neural";
    public const string Ensemble = "ensemble";

    public static readonly IReadOnlyList<string> All = [RuleBased, Neural, Ensemble];

    public static bool IsKnown(string? mode) => mode is not null && All.Contains(mode, StringComparer.Ordinal);
}

/// <summary>Why an answer asked for neural or ensemble fell back to rule_based.</summary>
public static class RecommendationFallbacks
{
    public const string NoActiveModel = "no_active_model";
    public const string ModelFailed = "model_failed";
}

/// <summary>Second response type of every recommendation request: the job, cleaner or recommendation id is unknown.</summary>
public sealed record RecommendationNotFound
{
    public required string Message { get; init; }
}

/// <summary>Third response type where a request's values are refused (e.g. an outcome that does not fit the kind).</summary>
public sealed record RecommendationRejected
{
    public required IReadOnlyDictionary<string, string[]> Errors { get; init; }
}
