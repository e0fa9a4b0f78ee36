namespace iAyos.Messaging.Contracts.Recommendations;

public static class RecommendationOutcomes
{
    public const string Viewed = "viewed";
    public const string BidPlaced = "bid_placed";
    public const string BidAccepted = "bid_accepted";
    public const string Contacted = "contacted";
    public const string Hired = "hired";

    /// <summary>Outcomes a recommendation of a job to a cleaner can have.</summary>
    public static readonly IReadOnlyList<string> ForJobRecommendation = [Viewed, BidPlaced, BidAccepted];

    /// <summary>Outcomes a recommendation of a cleaner to a client can have.</summary>
    public static readonly IReadOnlyList<string> ForCleanerRecommendation = [Viewed, Contacted, Hired];
}

public static class FeedbackTypes
{
    public static readonly IReadOnlyList<string> All = ["helpful", "not_relevant", "too_expensive", "too_far", "wrong_specialty", "other"];
}

/// <summary>
/// What happened to a recommendation shown. For a bid suggestion: the bid actually placed, whether the
/// suggestion was used, whether it won.
/// </summary>
public sealed record RecordRecommendationOutcome
{
    public required Guid RecommendationId { get; init; }
    public string? Outcome { get; init; }
    public decimal? ActualBid { get; init; }
    public bool? WasUsed { get; init; }
    public bool? DidWin { get; init; }
}

public sealed record SubmitRecommendationFeedback
{
    public required Guid RecommendationId { get; init; }
    public required string FeedbackType { get; init; }
    public string? Comment { get; init; }
}

/// <summary>Reply to an outcome or feedback: which kind of recommendation the id named.</summary>
public sealed record RecommendationUpdated
{
    public required Guid RecommendationId { get; init; }
    /// <summary><c>job</c>, <c>cleaner</c> or <c>bid_suggestion</c>.</summary>
    public required string Kind { get; init; }
}

/// <summary>Command: recompute every cleaner's score in one set-based pass.</summary>
public sealed record RecomputeCleanerScores
{
    public required Guid RequestId { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    /// <summary>The moment activity windows (30/90 days) are measured back from; now when null.</summary>
    public DateTimeOffset? AsOf { get; init; }
}
