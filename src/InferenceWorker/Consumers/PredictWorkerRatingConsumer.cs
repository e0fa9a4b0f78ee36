using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Answers profile-score requests from the active model when one is loaded (suggestions still come from the
/// points table), from the seed's heuristic otherwise or when the model fails on the request.
/// </summary>
public sealed class PredictWorkerRatingConsumer(ActiveModels models, ILogger<PredictWorkerRatingConsumer> logger) : IConsumer<PredictWorkerRating>
{
    public async Task Consume(ConsumeContext<PredictWorkerRating> context)
    {
        var request = WorkerRatingRequestValidator.Validate(context.Message).OrThrow();
        if (models.Get(ModelKinds.WorkerRating) is { Features: WorkerRatingFeatureSpec spec } model)
        {
            try
            {
                var features = WorkerRatingFeatures.Extract(request);
                var output = model.Session.Run(spec.InputName, new OnnxTensor(features, 1, features.Length), [spec.OutputName])[0];
                await context.RespondAsync(WorkerRatingModelOutput.ToPrediction(output.Data[0], request, model.Version));
                return;
            }
            catch (Exception ex) when (ModelFailure.IsRecoverable(ex))
            {
                logger.LogError("Worker-rating model v{Version} failed on a request, answering from the fallback: {Reason}", model.Version, ex.Message);
            }
        }
        await context.RespondAsync(WorkerRatingHeuristic.Estimate(request, PredictionSources.Fallback));
    }
}

public sealed class PredictWorkerRatingConsumerDefinition()
    : PredictionConsumerDefinition<PredictWorkerRatingConsumer>(QueueNames.PredictWorkerRating);
