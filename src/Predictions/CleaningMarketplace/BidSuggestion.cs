using iAyos.Messaging.Contracts.Recommendations;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>Suggested bid range for a cleaner on a job, EUR for the whole job; always <c>0 &lt; Min &lt;= Optimal &lt;= Max</c>.</summary>
public sealed record BidSuggestion(
    decimal MinBid,
    decimal OptimalBid,
    decimal MaxBid,
    BidSuggestionInputs Inputs,
    IReadOnlyList<string> Reasoning);
