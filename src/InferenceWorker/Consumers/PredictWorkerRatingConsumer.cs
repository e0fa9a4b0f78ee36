using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>Answers profile-score requests; from the seed's points table until a model is served.</summary>
public sealed class PredictWorkerRatingConsumer : IConsumer<PredictWorkerRating>
{
    public async Task Consume(ConsumeContext<PredictWorkerRating> context)
    {
        var request = WorkerRatingRequestValidator.Validate(context.Message).OrThrow();
        await context.RespondAsync(WorkerRatingHeuristic.Estimate(request, PredictionSources.Fallback));
    }
}

public sealed class PredictWorkerRatingConsumerDefinition()
    : PredictionConsumerDefinition<PredictWorkerRatingConsumer>(QueueNames.PredictWorkerRating);
