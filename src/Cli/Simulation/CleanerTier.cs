namespace iAyos.Messaging.Cli.Simulation;

/// <summary>How good, how dear and how quick a simulated cleaner is (seed section 4).</summary>
public enum CleanerTier
{
    Premium,
    Experienced,
    Average,
    Budget,
}

/// <summary>
/// One tier's behaviour in the simulation. Ratings are overall review scores (1-10), rates EUR per hour.
/// <paramref name="ResponseSpeed"/> skews how soon after posting a cleaner bids (higher = sooner, 1 = uniform
/// over the bidding window); <paramref name="CancelWeight"/> is relative, scaled so the market cancels about
/// 10% of accepted jobs overall. <paramref name="PhotoRate"/> is the share of completed jobs it sends photos for,
/// <paramref name="LateChance"/> the share of starts more than five minutes late (up to 45).
/// </summary>
public sealed record CleanerTierProfile(
    CleanerTier Tier,
    double Share,
    int MinRating,
    int MaxRating,
    decimal MinHourlyRate,
    decimal MaxHourlyRate,
    double ResponseSpeed,
    double CancelWeight,
    double PhotoRate,
    double LateChance);

public static class CleanerTiers
{
    public static readonly CleanerTierProfile Premium = new(CleanerTier.Premium, 0.15, 9, 10, 25m, 35m,
        ResponseSpeed: 2.5, CancelWeight: 0.3, PhotoRate: 0.98, LateChance: 0.05);

    public static readonly CleanerTierProfile Experienced = new(CleanerTier.Experienced, 0.30, 7, 9, 18m, 25m,
        ResponseSpeed: 1.8, CancelWeight: 0.8, PhotoRate: 0.93, LateChance: 0.25);

    public static readonly CleanerTierProfile Average = new(CleanerTier.Average, 0.40, 6, 8, 12m, 18m,
        ResponseSpeed: 1.2, CancelWeight: 1.1, PhotoRate: 0.88, LateChance: 0.40);

    public static readonly CleanerTierProfile Budget = new(CleanerTier.Budget, 0.15, 5, 7, 8m, 12m,
        ResponseSpeed: 1.0, CancelWeight: 2.0, PhotoRate: 0.60, LateChance: 0.55);

    /// <summary>In enum order; shares sum to 1.</summary>
    public static readonly IReadOnlyList<CleanerTierProfile> All = [Premium, Experienced, Average, Budget];

    public static CleanerTierProfile Profile(this CleanerTier tier) => tier switch
    {
        CleanerTier.Premium => Premium,
        CleanerTier.Experienced => Experienced,
        CleanerTier.Average => Average,
        CleanerTier.Budget => Budget,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };

    /// <summary>
    /// Hours between a job's posting and this tier's bid, in [min, max]: u^speed with u uniform puts faster
    /// tiers nearer the start (mean fraction of the window 1/(speed+1)).
    /// </summary>
    public static double SampleBidDelayHours(this CleanerTierProfile profile, Random random, double minHours, double maxHours) =>
        minHours + (maxHours - minHours) * Math.Pow(random.NextDouble(), profile.ResponseSpeed);
}
