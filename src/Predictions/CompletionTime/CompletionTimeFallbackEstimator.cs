using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Categories;

namespace iAyos.Messaging.Predictions.CompletionTime;

/// <summary>
/// Seed 001's statistical fallback: a category's completion time modelled as log-normal, with a 75%
/// interval from the spread of ln(hours) among its completed jobs.
/// </summary>
public static class CompletionTimeFallbackEstimator
{
    public const double ConfidenceLevel = 0.75;

    /// <summary>Two-sided standard-normal quantile for 75%: Phi^-1(0.875).</summary>
    public const double Z75 = 1.1503493803760079;

    /// <summary>The seed's valid completion-time range: half an hour to 30 days.</summary>
    public const double MinHours = 0.5, MaxHours = 720;

    /// <summary>
    /// The seed ranks budget as a strong signal of job size. Without a model we scale the category's
    /// median by sqrt(budget / category average price), limited to x0.5-x2, so a budget four times the
    /// usual doubles the estimate and one a quarter of it halves it.
    /// </summary>
    public static double BudgetFactor(decimal? budget, CategoryStats category)
    {
        if (budget is not > 0 || category.AvgPrice <= 0)
            return 1.0;
        var ratio = (double)(budget.Value / category.AvgPrice);
        return Math.Clamp(Math.Sqrt(ratio), 0.5, 2.0);
    }

    /// <param name="request">A request already normalised by <see cref="CompletionTimeRequestValidator"/>.</param>
    public static CompletionTimePrediction Estimate(PredictCompletionTime request, CategoryCatalog catalog, string source)
    {
        var category = catalog.Find(request.CategoryId, request.Category) ?? CategoryCatalog.General;
        // Rounded once, so the hours reported and the words describing them agree.
        var median = Math.Round(Math.Clamp(category.MedianHours * BudgetFactor(request.Budget, category), MinHours, MaxHours), 2);
        var spread = Math.Exp(Z75 * category.LogHoursSd);
        var lower = Math.Clamp(median / spread, MinHours, MaxHours);
        var upper = Math.Clamp(median * spread, MinHours, MaxHours);
        return new CompletionTimePrediction
        {
            PredictedHours = median,
            ConfidenceIntervalLower = Math.Round(lower, 2),
            ConfidenceIntervalUpper = Math.Round(upper, 2),
            ConfidenceLevel = ConfidenceLevel,
            FormattedDuration = DurationFormatter.Format(median),
            Source = source,
            Category = category.Name,
        };
    }
}
