using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.CompletionTime;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>Answers completion-time requests; from category statistics until a model is served.</summary>
public sealed class PredictCompletionTimeConsumer(ICategoryCatalogProvider categories) : IConsumer<PredictCompletionTime>
{
    public async Task Consume(ConsumeContext<PredictCompletionTime> context)
    {
        var request = CompletionTimeRequestValidator.Validate(context.Message).OrThrow();
        var prediction = CompletionTimeFallbackEstimator.Estimate(request, categories.Current, PredictionSources.Fallback);
        await context.RespondAsync(prediction);
    }
}

public sealed class PredictCompletionTimeConsumerDefinition()
    : PredictionConsumerDefinition<PredictCompletionTimeConsumer>(QueueNames.PredictCompletionTime);
