namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>Names of the price model's feature configurations, as written in the spec's <c>configuration</c>.</summary>
public static class PriceFeatureConfigurations
{
    /// <summary>Seed 001 Model 2's 60 features, kept for comparison.</summary>
    public const string Seed = "seed";

    /// <summary>The configuration we serve by default: what carries the price on our data.</summary>
    public const string Served = "served";

    public static readonly IReadOnlyList<string> All = [Seed, Served];
}
