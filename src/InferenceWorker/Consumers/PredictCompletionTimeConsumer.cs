using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.CompletionTime;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Answers completion-time requests from the active model when one is loaded, from category statistics
/// otherwise or when the model fails on the request.
/// </summary>
public sealed class PredictCompletionTimeConsumer(ICategoryCatalogProvider categories, ActiveModels models, TimeProvider clock,
    ILogger<PredictCompletionTimeConsumer> logger) : IConsumer<PredictCompletionTime>
{
    public async Task Consume(ConsumeContext<PredictCompletionTime> context)
    {
        var request = CompletionTimeRequestValidator.Validate(context.Message).OrThrow();
        var catalog = categories.Current;
        if (models.Get(ModelKinds.CompletionTime) is { Features: CompletionTimeFeatureSpec spec } model)
        {
            var category = catalog.Find(request.CategoryId, request.Category)?.Name ?? request.Category;
            try
            {
                var features = CompletionTimeFeatures.Extract(request, category, spec, clock.GetUtcNow());
                var output = model.Session.Run(spec.InputName, new OnnxTensor(features, 1, features.Length), [spec.OutputName])[0];
                await context.RespondAsync(CompletionTimeFeatures.ToPrediction(output.Data[0], spec, model.Version, category));
                return;
            }
            catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
            {
                logger.LogError("Completion-time model v{Version} failed on a request, answering from the fallback: {Reason}", model.Version, ex.Message);
            }
        }
        await context.RespondAsync(CompletionTimeFallbackEstimator.Estimate(request, catalog, PredictionSources.Fallback));
    }
}

public sealed class PredictCompletionTimeConsumerDefinition()
    : PredictionConsumerDefinition<PredictCompletionTimeConsumer>(QueueNames.PredictCompletionTime);
