using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>
/// One training example as serving will see it: the <see cref="PredictPrice"/> request (so features come from
/// <see cref="PriceFeatures.Extract"/>, the InferenceWorker's own path), and the targets: PHP prices
/// [min, suggested, max] and their log1p, the network's outputs.
/// </summary>
public sealed record PriceTrainingRow
{
    public required PredictPrice Request { get; init; }
    /// <summary>[min, suggested, max] in PHP, ordered.</summary>
    public required IReadOnlyList<double> Prices { get; init; }
    /// <summary>log1p of <see cref="Prices"/>.</summary>
    public required float[] LogTargets { get; init; }
    /// <summary>Position in the source (a CSV's 0-based data row), the key a split file selects by.</summary>
    public required int RowIndex { get; init; }
    /// <summary>Where the row came from, e.g. the CSV's file name or "postgres".</summary>
    public required string Source { get; init; }
    /// <summary>The source's own id of the row (a CSV's projectId, a job id), when it has one.</summary>
    public string? SourceId { get; init; }

    /// <summary>A row from any source; the prices are sorted so targets always satisfy min &lt;= suggested &lt;= max.</summary>
    public static PriceTrainingRow FromPrices(PredictPrice request, double min, double suggested, double max, int rowIndex, string source)
    {
        double[] prices = [min, suggested, max];
        if (prices.Any(p => !double.IsFinite(p) || p < 0))
            throw new ArgumentException($"Prices must be finite and non-negative (got {min}, {suggested}, {max}).");
        Array.Sort(prices);
        return new PriceTrainingRow
        {
            Request = PriceFeatures.WithCategory(request),
            Prices = prices,
            LogTargets = prices.Select(p => (float)Math.Log(1 + p)).ToArray(),
            RowIndex = rowIndex,
            Source = source,
        };
    }

    /// <summary>
    /// A cleaned CSV row: title, description, tags, skill level, job scope and work environment become the
    /// request; its category is derived by <see cref="PriceCategoryRules"/>; urgency stays MEDIUM (no column).
    /// </summary>
    public static PriceTrainingRow FromFreelancer(FreelancerJob job, string source) => FromPrices(
        new PredictPrice
        {
            Title = job.Title,
            Description = job.Description,
            Tags = job.Tags,
            SkillLevel = job.SkillLevel,
            JobScope = job.JobScope,
            WorkEnvironment = job.WorkEnvironment,
        },
        job.MinPricePhp, job.AvgPricePhp, job.MaxPricePhp, job.RowIndex, source) with { SourceId = job.ProjectId };

    /// <summary>
    /// A completed iAyos job, which has one budget: seed 001 estimates its range as 0.8 and 1.2 times it.
    /// </summary>
    public static PriceTrainingRow FromBudget(PredictPrice request, double budget, int rowIndex, string source) =>
        FromPrices(request, budget * 0.8, budget, budget * 1.2, rowIndex, source);
}
