namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>
/// The simple baseline: a job takes its category's median hours among the training rows, with the training rows'
/// 12.5th-87.5th percentiles as its 75% interval (all rows' when the category has fewer than 3).
/// </summary>
public sealed class CategoryMedianBaseline
{
    private readonly Dictionary<int, (double, double, double)> _byCategory;
    private readonly (double, double, double) _overall;

    private CategoryMedianBaseline(Dictionary<int, (double, double, double)> byCategory, (double, double, double) overall) =>
        (_byCategory, _overall) = (byCategory, overall);

    public static CategoryMedianBaseline Fit(IReadOnlyList<CompletionTimeTrainingRow> train) => new(
        train.GroupBy(r => r.Job.CategoryId).Where(g => g.Count() >= 3).ToDictionary(g => g.Key, g => Summary(g.Select(r => r.Hours))),
        Summary(train.Select(r => r.Hours)));

    public IReadOnlyList<(double Hours, double Lower, double Upper)> Predict(IEnumerable<CompletionTimeTrainingRow> rows) =>
        rows.Select(r => _byCategory.TryGetValue(r.Job.CategoryId, out var s) ? s : _overall).ToList();

    private static (double, double, double) Summary(IEnumerable<double> hours)
    {
        var sorted = hours.Order().ToArray();
        return (Quantile(sorted, 0.5), Quantile(sorted, 0.125), Quantile(sorted, 0.875));
    }

    /// <summary>Linear interpolation between order statistics (PostgreSQL's percentile_cont).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        var position = q * (sorted.Count - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
