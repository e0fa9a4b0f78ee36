namespace iAyos.Messaging.Training.PriceModel;

/// <summary>
/// Seed 001 Model 2's static rates to PHP (<c>CURRENCY_TO_PHP</c>). Seed 000 quotes a partial, slightly
/// different table (USD 56.50, AUD 37.00); 001 is the model's specification, so its 16 rates are the ones used.
/// </summary>
public static class CurrencyTable
{
    public static readonly IReadOnlyDictionary<string, double> ToPhp = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
    {
        ["PHP"] = 1.0, ["USD"] = 56.0, ["EUR"] = 61.0, ["GBP"] = 71.0,
        ["INR"] = 0.67, ["AUD"] = 36.0, ["SGD"] = 42.0, ["CAD"] = 41.0,
        ["NZD"] = 33.0, ["JPY"] = 0.37, ["CNY"] = 7.7, ["KRW"] = 0.041,
        ["MYR"] = 12.5, ["THB"] = 1.6, ["VND"] = 0.0022, ["IDR"] = 0.0035,
    };

    /// <summary>The rate for a currency code (case and surrounding spaces ignored), or null when the table lacks it.</summary>
    public static double? RateToPhp(string? currency) =>
        currency is not null && ToPhp.TryGetValue(currency.Trim(), out var rate) ? rate : null;
}
