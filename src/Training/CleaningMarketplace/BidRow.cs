namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// One accepted bid: the bid model's 19 inputs as the cleaner could have known them when bidding (the job's bids
/// placed before theirs, the cleaner and the market as of posting), the amount that won, and the two baselines
/// computed from the same facts: the rule-based suggester's optimal and the market's per-hour level x hours.
/// </summary>
public sealed record BidRow(
    long JobId,
    long CleanerId,
    DateTimeOffset PostedAt,
    float[] Features,
    decimal AcceptedAmount,
    decimal RuleOptimal,
    decimal RuleMin,
    decimal RuleMax,
    decimal? MarketAmount);
