namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>One (client, cleaner, property type) pair with its 18 features: what the cleaner-match network scores.</summary>
public sealed record CleanerMatchPair(long ClientId, long CleanerId, string PropertyType, float[] Features)
{
    public static CleanerMatchPair Of(MatchRow row) => new(row.ClientId, row.CleanerId, row.PropertyType, row.Features);

    public static CleanerMatchPair Of(HireCase job, HireBidder bidder) => new(job.Job.ClientId, bidder.Cleaner.CleanerId, job.Job.PropertyType, bidder.Features);
}

/// <summary>The network's scores of a pair (0-1); <see cref="Served"/> is what the engine shows: the hybrid, or the
/// content network alone when the client or the cleaner is unknown to the model (cold start).</summary>
public readonly record struct CleanerMatchScores(double Hybrid, double Collaborative, double Content, bool KnownPair)
{
    public double Served => KnownPair ? Hybrid : Content;
}
