using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.CompletionTime;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Answers completion-time requests from the active model when one is loaded, from category statistics
/// otherwise or when the model fails on the request.
/// </summary>
public sealed class PredictCompletionTimeConsumer(ICategoryCatalogProvider categories, ModelPredictor predictor, TimeProvider clock)
    : IConsumer<PredictCompletionTime>
{
    public async Task Consume(ConsumeContext<PredictCompletionTime> context)
    {
        var request = CompletionTimeRequestValidator.Validate(context.Message).OrThrow();
        var catalog = categories.Current;
        var category = catalog.NameOf(request.CategoryId, request.Category);
        var prediction = await predictor.TryPredictAsync<CompletionTimeFeatureSpec, CompletionTimePrediction>(ModelKinds.CompletionTime,
            spec => CompletionTimeFeatures.Extract(request, category, spec, clock.GetUtcNow()),
            (output, spec, version) => CompletionTimeFeatures.ToPrediction(output[0], spec, version, category));
        await context.RespondAsync(prediction ?? CompletionTimeFallbackEstimator.Estimate(request, catalog, PredictionSources.Fallback));
    }
}

public sealed class PredictCompletionTimeConsumerDefinition()
    : PredictionConsumerDefinition<PredictCompletionTimeConsumer>(QueueNames.PredictCompletionTime);
