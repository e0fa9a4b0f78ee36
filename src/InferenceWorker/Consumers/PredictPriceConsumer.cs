using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Answers price-range requests from the active price model when one is loaded ("source": "model"), and from
/// the fallback estimator otherwise, or when the model fails on the request.
/// </summary>
public sealed class PredictPriceConsumer(ICategoryCatalogProvider categories, ModelPredictor predictor) : IConsumer<PredictPrice>
{
    public async Task Consume(ConsumeContext<PredictPrice> context)
    {
        var request = PriceRequestValidator.Validate(context.Message).OrThrow();
        var catalog = categories.Current;
        // The model knows categories by name; a request may name one by id.
        var category = catalog.NameOf(request.CategoryId, request.Category);
        var prediction = await predictor.TryPredictAsync<PriceFeatureSpec, PricePrediction>(ModelKinds.PriceBudget,
            spec => PriceFeatures.Extract(request with { Category = category }, spec),
            (output, spec, version) => PriceModelOutput.ToPrediction(output, spec, version, category));
        await context.RespondAsync(prediction ?? PriceFallbackEstimator.Estimate(request, catalog, PredictionSources.Fallback));
    }
}

public sealed class PredictPriceConsumerDefinition() : PredictionConsumerDefinition<PredictPriceConsumer>(QueueNames.PredictPrice);
