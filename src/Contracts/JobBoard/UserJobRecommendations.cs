namespace iAyos.Messaging.Contracts.JobBoard;

/// <summary>Asks the ScoringWorker for a user's top <see cref="K"/> open jobs (seed 002's recommendations).</summary>
public sealed record RecommendJobsForUser
{
    public required long UserId { get; init; }
    public int K { get; init; } = 10;
}

public sealed record UserJobRecommendationList
{
    public required long UserId { get; init; }
    /// <summary>How the list was ranked: one of <see cref="JobRankingModes"/>.</summary>
    public required string Mode { get; init; }
    /// <summary>The job-recommender version that scored the list, when <see cref="Mode"/> is convfm.</summary>
    public int? ModelVersion { get; init; }
    /// <summary>Why the network did not rank a user it could have: no_active_model or model_failed; null otherwise.</summary>
    public string? Fallback { get; init; }
    /// <summary>How many open jobs were scored (open, not applied to, not dismissed).</summary>
    public required int Candidates { get; init; }
    public required IReadOnlyList<RecommendedJobForUser> Recommendations { get; init; }
}

public sealed record RecommendedJobForUser
{
    public required int Rank { get; init; }
    public required long JobId { get; init; }
    /// <summary>convfm: the predicted probability of applying; content: the profile match 0-1; popularity: the share of recent applications.</summary>
    public required double Score { get; init; }
    public required string Title { get; init; }
    public required string Company { get; init; }
    public required string Location { get; init; }
    /// <summary>The job's skills (listed or found in its description) that the user's profile also has: what explains the match.</summary>
    public required IReadOnlyList<string> MatchedSkills { get; init; }
}

public static class JobRankingModes
{
    /// <summary>The active job-recommender network scored every candidate in one ONNX Runtime run.</summary>
    public const string ConvFm = "convfm";
    /// <summary>Cold start with a profile (or no usable model): skill overlap, location, seniority and salary fit.</summary>
    public const string Content = "content";
    /// <summary>Cold start without a profile: the jobs most applied to.</summary>
    public const string Popularity = "popularity";
    public static readonly IReadOnlyList<string> All = [ConvFm, Content, Popularity];
}
