using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>Validated price requests that arrived together, answered in order by one run of the active model,
/// or each by the estimator when no model answers.</summary>
public static class PriceBatchAnswers
{
    public static IReadOnlyList<PricePrediction> Predict(IReadOnlyList<PredictPrice> requests, CategoryCatalog catalog, ModelPredictor predictor)
    {
        // The model knows categories by name; a request may name one by id.
        var names = requests.Select(r => catalog.NameOf(r.CategoryId, r.Category)).ToList();
        return predictor.TryPredictBatch<PriceFeatureSpec, PricePrediction>(ModelKinds.PriceBudget,
                   (spec, i) => PriceFeatures.Extract(requests[i] with { Category = names[i] }, spec), requests.Count,
                   (output, spec, version, i) => PriceModelOutput.ToPrediction(output, spec, version, names[i]))
               ?? requests.Select(r => PriceFallbackEstimator.Estimate(r, catalog, PredictionSources.Fallback)).ToList();
    }
}
