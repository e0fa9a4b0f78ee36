using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Answers profile-score requests from the active model when one is loaded (suggestions still come from the
/// points table), from the seed's heuristic otherwise or when the model fails on the request.
/// </summary>
public sealed class PredictWorkerRatingConsumer(ModelPredictor predictor) : IConsumer<PredictWorkerRating>
{
    public async Task Consume(ConsumeContext<PredictWorkerRating> context)
    {
        var request = WorkerRatingRequestValidator.Validate(context.Message).OrThrow();
        var prediction = await predictor.TryPredictAsync<WorkerRatingFeatureSpec, WorkerRatingPrediction>(ModelKinds.WorkerRating,
            _ => WorkerRatingFeatures.Extract(request),
            (output, _, version) => WorkerRatingModelOutput.ToPrediction(output[0], request, version));
        await context.RespondAsync(prediction ?? WorkerRatingHeuristic.Estimate(request, PredictionSources.Fallback));
    }
}

public sealed class PredictWorkerRatingConsumerDefinition()
    : PredictionConsumerDefinition<PredictWorkerRatingConsumer>(QueueNames.PredictWorkerRating);
