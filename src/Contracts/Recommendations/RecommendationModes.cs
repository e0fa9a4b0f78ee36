namespace iAyos.Messaging.Contracts.Recommendations;

/// <summary>The seed's engine modes; only rule_based is served until the neural models land.</summary>
public static class RecommendationModes
{
    public const string RuleBased = "rule_based";
    public const string Neural = "neural";
    public const string Ensemble = "ensemble";
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
