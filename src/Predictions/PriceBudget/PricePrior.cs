using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>
/// The per-group median prices a served model starts from: the finest group with enough training rows
/// (scope x category, then scope, then all rows), as log1p of [min, suggested, max].
/// </summary>
public static class PricePrior
{
    public const string Overall = "*";

    /// <param name="request">A request whose <c>Category</c> is already resolved.</param>
    public static double[] Lookup(PriceFeatureSpec spec, PredictPrice request)
    {
        var scope = string.IsNullOrWhiteSpace(request.JobScope) ? null : request.JobScope.Trim();
        if (scope is not null && request.Category is { } category && Find(spec, PriceFeatureSpec.ScopeCategoryKey(scope, category.Trim())) is { } pair)
            return pair;
        if (scope is not null && Find(spec, scope) is { } byScope)
            return byScope;
        return spec.Prior[Overall];
    }

    /// <summary>Groups compare without case, as the one-hot vocabularies do.</summary>
    private static double[]? Find(PriceFeatureSpec spec, string key) =>
        spec.Prior.TryGetValue(key, out var exact) ? exact
        : spec.Prior.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
