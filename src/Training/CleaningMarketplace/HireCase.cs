using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// A job whose client hired one of its bidders, as the engine would have seen it at posting: the job, every bidder
/// as of posting with their bid, and who was hired. What the top-3 hire accuracy is measured on.
/// </summary>
public sealed record HireCase(long JobId, DateTimeOffset PostedAt, JobFacts Job, IReadOnlyList<HireBidder> Bidders, long HiredCleanerId);

/// <summary>One bidder of a <see cref="HireCase"/>: the cleaner as of posting, their bid and the pair's 18 features.</summary>
public sealed record HireBidder(long BidId, CleanerFacts Cleaner, decimal Amount, float[] Features)
{
    /// <summary>When the bid was placed (how early it came is part of what clients choose on).</summary>
    public DateTimeOffset PlacedAt { get; init; }
}
