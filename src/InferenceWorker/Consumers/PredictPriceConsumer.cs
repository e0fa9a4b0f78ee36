using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Answers price-range requests from the active price model when one is loaded ("source": "model"), and from
/// the fallback estimator otherwise, or when the model fails on the request.
/// </summary>
public sealed class PredictPriceConsumer(ICategoryCatalogProvider categories, ActiveModels models, ILogger<PredictPriceConsumer> logger) : IConsumer<PredictPrice>
{
    public async Task Consume(ConsumeContext<PredictPrice> context)
    {
        var request = PriceRequestValidator.Validate(context.Message).OrThrow();
        var catalog = categories.Current;
        if (models.Get(ModelKinds.PriceBudget) is { Features: PriceFeatureSpec spec } model)
        {
            // The model knows categories by name; a request may name one by id.
            var category = catalog.Find(request.CategoryId, request.Category)?.Name ?? request.Category;
            try
            {
                var features = PriceFeatures.Extract(request with { Category = category }, spec);
                var output = model.Session.Run(spec.InputName, new OnnxTensor(features, 1, features.Length), [spec.OutputName])[0];
                await context.RespondAsync(PriceModelOutput.ToPrediction(output.Data, spec, model.Version, category));
                return;
            }
            catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
            {
                logger.LogError("Price model v{Version} failed on a request, answering from the fallback: {Reason}", model.Version, ex.Message);
            }
        }
        await context.RespondAsync(PriceFallbackEstimator.Estimate(request, catalog, PredictionSources.Fallback));
    }
}

public sealed class PredictPriceConsumerDefinition() : PredictionConsumerDefinition<PredictPriceConsumer>(QueueNames.PredictPrice);
