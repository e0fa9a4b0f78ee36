using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Predictions.CompletionTime;

namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>
/// What the InferenceWorker answers without a model, measured fairly: the category statistics it blends with the
/// seeded defaults are computed from the training rows only (as CategoryStatsReader computes them from all jobs),
/// so the fallback never sees a test job's duration.
/// </summary>
public static class FallbackBaseline
{
    public static CategoryCatalog Catalog(IReadOnlyList<CategoryDefaults> defaults, IReadOnlyList<CompletionTimeTrainingRow> train)
    {
        var byCategory = train.ToLookup(r => r.Job.CategoryId);
        return new CategoryCatalog(defaults.Select(d =>
        {
            var rows = byCategory[d.Id].ToList();
            if (rows.Count == 0)
                return new CategoryObservation(d.Id, d.Name, d.MinPrice, d.AvgPrice, d.MaxPrice, d.Hours, 0, null, null, null, null, null).Blend();
            var budgets = rows.Select(r => (double)r.Job.Budget).Order().ToArray();
            var logs = rows.Select(r => Math.Log(r.Hours)).ToArray();
            var mean = logs.Average();
            double? sd = logs.Length > 1 ? Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / (logs.Length - 1)) : null;
            decimal Q(double q) => Math.Round((decimal)CategoryMedianBaseline.Quantile(budgets, q), 2);
            return new CategoryObservation(d.Id, d.Name, d.MinPrice, d.AvgPrice, d.MaxPrice, d.Hours, rows.Count,
                Q(0.25), Q(0.5), Q(0.75), mean, sd).Blend();
        }));
    }

    public static IReadOnlyList<(double Hours, double Lower, double Upper)> Predict(CategoryCatalog catalog, IEnumerable<CompletionTimeTrainingRow> rows) =>
        rows.Select(r =>
        {
            var valid = CompletionTimeRequestValidator.Validate(r.Request) is { IsValid: true, Value: { } v } ? v : r.Request;
            var p = CompletionTimeFallbackEstimator.Estimate(valid, catalog, PredictionSources.Fallback);
            return (p.PredictedHours, p.ConfidenceIntervalLower, p.ConfidenceIntervalUpper);
        }).ToList();
}
