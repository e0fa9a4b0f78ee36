using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>
/// The yardstick a price model must beat: [min, suggested, max] as the medians of the training rows in the
/// request's group, job scope x category (derived when the request names none), falling back to the job scope
/// alone, then to all rows, when the group has fewer than <see cref="MinGroupSize"/> rows. That hierarchy and
/// size were chosen on the fixed split's validation rows (scope carries most of the price; skill level did
/// not help). Medians of ordered triples stay ordered, so <c>min &lt;= suggested &lt;= max</c>.
/// </summary>
public sealed class PriceMedianBaseline
{
    public const int DefaultMinGroupSize = 3;

    private readonly Dictionary<string, double[]> _byScopeAndCategory;
    private readonly Dictionary<string, double[]> _byScope;
    private readonly double[] _global;

    private PriceMedianBaseline(Dictionary<string, double[]> byScopeAndCategory, Dictionary<string, double[]> byScope, double[] global, int minGroupSize)
    {
        _byScopeAndCategory = byScopeAndCategory;
        _byScope = byScope;
        _global = global;
        MinGroupSize = minGroupSize;
    }

    public int MinGroupSize { get; }

    public static PriceMedianBaseline Fit(IReadOnlyList<PriceTrainingRow> training, int minGroupSize = DefaultMinGroupSize)
    {
        if (training.Count == 0)
            throw new ArgumentException("A median baseline needs at least one training row.", nameof(training));
        if (minGroupSize < 1)
            throw new ArgumentOutOfRangeException(nameof(minGroupSize), minGroupSize, "must be at least 1");
        Dictionary<string, double[]> Groups(Func<PredictPrice, string?> key) => training
            .Select(r => (Key: key(PriceFeatures.WithCategory(r.Request)), r.Prices))
            .Where(g => g.Key is not null)
            .GroupBy(g => g.Key!, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() >= minGroupSize)
            .ToDictionary(g => g.Key, g => Medians(g.Select(x => x.Prices).ToList()), StringComparer.OrdinalIgnoreCase);
        return new PriceMedianBaseline(Groups(ScopeAndCategory), Groups(Scope), Medians(training.Select(r => r.Prices).ToList()), minGroupSize);
    }

    /// <summary>[min, suggested, max] in PHP for a request, from its finest group with enough training rows.</summary>
    public double[] Predict(PredictPrice request)
    {
        var resolved = PriceFeatures.WithCategory(request);
        var prices = ScopeAndCategory(resolved) is { } pair && _byScopeAndCategory.TryGetValue(pair, out var byPair) ? byPair
            : Scope(resolved) is { } scope && _byScope.TryGetValue(scope, out var byScope) ? byScope
            : _global;
        return (double[])prices.Clone();
    }

    /// <summary>The same groups as a served spec's prior: log1p medians by "SCOPE|Category", "SCOPE" and "*".</summary>
    public IReadOnlyDictionary<string, double[]> ToPrior()
    {
        static double[] Log(double[] prices) => prices.Select(p => Math.Log(1 + p)).ToArray();
        var prior = new Dictionary<string, double[]> { [PricePrior.Overall] = Log(_global) };
        foreach (var (key, prices) in _byScope) prior[key] = Log(prices);
        foreach (var (key, prices) in _byScopeAndCategory) prior[key] = Log(prices);
        return prior;
    }

    public IReadOnlyList<double[]> Predict(IEnumerable<PriceTrainingRow> rows) => rows.Select(r => Predict(r.Request)).ToList();

    private static string? Scope(PredictPrice r) => string.IsNullOrWhiteSpace(r.JobScope) ? null : r.JobScope.Trim();

    private static string? ScopeAndCategory(PredictPrice r) =>
        Scope(r) is { } scope ? PriceFeatureSpec.ScopeCategoryKey(scope, r.Category!.Trim()) : null;

    private static double[] Medians(IReadOnlyList<IReadOnlyList<double>> prices)
    {
        var medians = new double[3];
        for (var k = 0; k < 3; k++)
            medians[k] = Median(prices.Select(p => p[k]).ToArray());
        Array.Sort(medians);
        return medians;
    }

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    public static double Median(double[] values)
    {
        if (values.Length == 0)
            throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
