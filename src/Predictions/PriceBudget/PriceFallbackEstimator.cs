using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Categories;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// Seed 000's database fallback: the category's price range times the urgency and skill multipliers.
/// </summary>
public static class PriceFallbackEstimator
{
    /// <summary>Confidence with no completed job behind the category (the seed's fallback figure).</summary>
    public const double PriorConfidence = 0.3;

    /// <summary>
    /// Confidence is the share of the estimate carried by observed jobs, mapped onto 0.3-0.7:
    /// 0.3 on defaults alone, 0.5 at 10 completed jobs, approaching 0.7 with many. Halved when the
    /// request's category is unknown and the general range answered.
    /// </summary>
    public static double Confidence(int completedJobs, bool categoryKnown)
    {
        var observedShare = completedJobs / (double)(completedJobs + CategoryObservation.ShrinkageJobs);
        var confidence = PriorConfidence + 0.4 * observedShare;
        return Math.Round(categoryKnown ? confidence : confidence / 2, 3);
    }

    /// <param name="request">A request already normalised by <see cref="PriceRequestValidator"/>.</param>
    public static PricePrediction Estimate(PredictPrice request, CategoryCatalog catalog, string source)
    {
        var found = catalog.Find(request.CategoryId, request.Category);
        var category = found ?? CategoryCatalog.General;
        var m = PriceMultipliers.ForUrgency(request.Urgency) * PriceMultipliers.ForSkillLevel(request.SkillLevel);

        // Multipliers are positive, so scaling keeps the order; sorting guards against a bad catalog row.
        Span<decimal> prices = [category.MinPrice * m, category.AvgPrice * m, category.MaxPrice * m];
        prices.Sort();
        return new PricePrediction
        {
            MinPrice = Math.Round(prices[0], 2),
            SuggestedPrice = Math.Round(prices[1], 2),
            MaxPrice = Math.Round(prices[2], 2),
            Confidence = Confidence(category.CompletedJobs, found is not null),
            Currency = "PHP",
            Source = source,
            Category = category.Name,
        };
    }
}
