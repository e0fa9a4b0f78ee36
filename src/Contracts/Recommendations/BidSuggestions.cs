namespace iAyos.Messaging.Contracts.Recommendations;

public sealed record SuggestBid
{
    public required long JobId { get; init; }
    public required long CleanerId { get; init; }
    /// <summary><see cref="RecommendationModes"/>; null means the worker's configured default.</summary>
    public string? Mode { get; init; }
}

/// <summary>Always <c>MinBid &lt;= OptimalBid &lt;= MaxBid</c>, EUR for the whole job.</summary>
public sealed record BidSuggestionResult
{
    public required Guid SuggestionId { get; init; }
    public required long JobId { get; init; }
    public required long CleanerId { get; init; }
    public required decimal MinBid { get; init; }
    public required decimal OptimalBid { get; init; }
    public required decimal MaxBid { get; init; }
    public string Currency { get; init; } = "EUR";
    /// <summary>The mode that produced the amounts: rule_based (the BidSuggester) or the bid network's mode.</summary>
    public required string Mode { get; init; }
    public string? RequestedMode { get; init; }
    /// <summary>The cleaning-bid version behind the amounts; null when the rule-based suggester gave them.</summary>
    public int? ModelVersion { get; init; }
    public string? Fallback { get; init; }
    public required BidSuggestionInputs Inputs { get; init; }
    public required IReadOnlyList<string> Reasoning { get; init; }
}

public sealed record BidSuggestionInputs(
    decimal? ClientBudget,
    decimal? MarketAverage,
    decimal? CleanerAverage,
    double? WinRate,
    int CurrentBidCount,
    decimal? LowestBid);
