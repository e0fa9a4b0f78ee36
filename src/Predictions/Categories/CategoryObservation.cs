namespace iAyos.Messaging.Predictions.Categories;

/// <summary>
/// One category row as storage reads it: the defaults a migration seeded and, when the category has
/// completed jobs, their price quartiles and ln(hours) moments.
/// </summary>
public sealed record CategoryObservation(
    int Id,
    string Name,
    decimal DefaultMinPrice,
    decimal DefaultAvgPrice,
    decimal DefaultMaxPrice,
    double DefaultHours,
    int CompletedJobs,
    decimal? PriceP25,
    decimal? PriceMedian,
    decimal? PriceP75,
    double? MeanLogHours,
    double? SdLogHours)
{
    /// <summary>Spread of ln(hours) assumed before any job is observed: about x1.65 either side at one sd.</summary>
    public const double DefaultLogHoursSd = 0.5;

    /// <summary>Completed jobs at which observed data and defaults weigh the same.</summary>
    public const int ShrinkageJobs = 10;

    /// <summary>
    /// Shrinks the observed statistics towards the defaults with weight n / (n + 10), so a category with
    /// two odd jobs does not swing the estimate, and one with hundreds is driven by its own data.
    /// Quartiles keep min &lt;= avg &lt;= max because each source is ordered and the blend is convex.
    /// </summary>
    public CategoryStats Blend()
    {
        var ordered = DefaultMinPrice <= DefaultAvgPrice && DefaultAvgPrice <= DefaultMaxPrice;
        if (CompletedJobs <= 0 || PriceP25 is null || PriceMedian is null || PriceP75 is null || MeanLogHours is null || !ordered)
            return new CategoryStats(Id, Name, DefaultMinPrice, DefaultAvgPrice, DefaultMaxPrice, DefaultHours, DefaultLogHoursSd, Math.Max(CompletedJobs, 0));

        var w = CompletedJobs / (double)(CompletedJobs + ShrinkageJobs);
        var wd = (decimal)w;
        decimal Mix(decimal prior, decimal observed) => Math.Round((1 - wd) * prior + wd * observed, 2);

        var logHours = (1 - w) * Math.Log(DefaultHours) + w * MeanLogHours.Value;
        var sd = (1 - w) * DefaultLogHoursSd + w * (SdLogHours is > 0 ? SdLogHours.Value : DefaultLogHoursSd);
        return new CategoryStats(
            Id, Name,
            Mix(DefaultMinPrice, PriceP25.Value),
            Mix(DefaultAvgPrice, PriceMedian.Value),
            Mix(DefaultMaxPrice, PriceP75.Value),
            Math.Exp(logHours), sd, CompletedJobs);
    }
}
