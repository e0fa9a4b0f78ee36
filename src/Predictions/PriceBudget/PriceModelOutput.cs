using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// Turns a price model's three outputs (log1p of min, suggested, max in PHP) into a prediction. The three are
/// sorted after expm1, so <c>min &lt;= suggested &lt;= max</c> holds whatever the network emits.
/// </summary>
public static class PriceModelOutput
{
    public static PricePrediction ToPrediction(ReadOnlySpan<float> logPrices, PriceFeatureSpec spec, int version, string? category)
    {
        Span<decimal> prices = stackalloc decimal[3];
        for (var i = 0; i < 3; i++)
            prices[i] = (decimal)Math.Max(0, Math.Round(Math.Exp(Math.Clamp(logPrices[i], -20f, 20f)) - 1, 2));
        prices.Sort();
        return new PricePrediction
        {
            MinPrice = prices[0],
            SuggestedPrice = prices[1],
            MaxPrice = prices[2],
            Confidence = Math.Round(spec.Confidence, 3),
            Currency = "PHP",
            Source = PredictionSources.Model,
            Category = category,
            ModelVersion = version,
        };
    }
}
