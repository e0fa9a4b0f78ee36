using iAyos.Messaging.Predictions.CompletionTime;

namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>Fits a feature spec on training rows only: the one-hot category order, and for <c>served</c> the
/// category priors and usual budgets.</summary>
public static class CompletionTimeFeatureFitter
{
    public static CompletionTimeFeatureSpec Fit(string configuration, IReadOnlyList<CompletionTimeTrainingRow> train)
    {
        var categories = train.GroupBy(r => r.Job.CategoryId).OrderBy(g => g.Key).Select(g => g.First().Job.Category)
            .Take(CompletionTimeFeatureSpec.CategorySlots).ToList();
        var spec = new CompletionTimeFeatureSpec { Configuration = configuration, Categories = categories };
        return configuration switch
        {
            CompletionTimeFeatureConfigurations.Seed => spec,
            CompletionTimeFeatureConfigurations.Served => spec with
            {
                // Shrunk towards the overall mean like CategoryObservation.Blend, so a category seen twice stays near it.
                OverallLogHours = train.Average(r => r.LogTarget),
                CategoryLogHours = train.GroupBy(r => r.Job.Category).ToDictionary(g => g.Key,
                    g => (g.Sum(r => r.LogTarget) + PriorJobs * train.Average(r => r.LogTarget)) / (g.Count() + PriorJobs)),
                OverallBudget = Median(train.Select(r => (double)r.Job.Budget)),
                CategoryBudget = train.GroupBy(r => r.Job.Category).ToDictionary(g => g.Key, g => Median(g.Select(r => (double)r.Job.Budget))),
            },
            _ => throw new ArgumentException($"Unknown completion-time configuration '{configuration}' (seed or served).", nameof(configuration)),
        };
    }

    private const double PriorJobs = 5;

    private static double Median(IEnumerable<double> values)
    {
        var median = CategoryMedianBaseline.Quantile(values.Order().ToArray(), 0.5);
        return median > 0 ? median : 1;
    }
}
