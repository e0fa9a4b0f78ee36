namespace iAyos.Messaging.Gateway.Recommendations;

public sealed record BidSuggestionBody
{
    public long? JobId { get; init; }
    public long? CleanerId { get; init; }
    /// <summary>rule_based, neural or ensemble; absent means the worker's default.</summary>
    public string? Mode { get; init; }
}

public sealed record OutcomeBody
{
    public string? Outcome { get; init; }
    public decimal? ActualBid { get; init; }
    public bool? WasUsed { get; init; }
    public bool? DidWin { get; init; }
}

public sealed record FeedbackBody
{
    public string? FeedbackType { get; init; }
    public string? Comment { get; init; }
}
