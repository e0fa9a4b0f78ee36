using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Answers a batch of rows of one kind, in order, with one model run for the whole batch when a model of that
/// kind is active. Rows arrive validated by the Gateway; an invalid one faults the batch.
/// </summary>
public sealed class BatchPredictionConsumer(ICategoryCatalogProvider categories, ModelPredictor predictor, TimeProvider clock) :
    IConsumer<PredictPriceBatch>, IConsumer<PredictCompletionTimeBatch>, IConsumer<PredictWorkerRatingBatch>
{
    public Task Consume(ConsumeContext<PredictPriceBatch> context)
    {
        var rows = context.Message.Rows.Select(r => PriceRequestValidator.Validate(r).OrThrow()).ToList();
        return context.RespondAsync(new PricePredictionBatch { Predictions = PriceBatchAnswers.Predict(rows, categories.Current, predictor) });
    }

    public Task Consume(ConsumeContext<PredictCompletionTimeBatch> context)
    {
        var catalog = categories.Current;
        var now = clock.GetUtcNow();
        var rows = context.Message.Rows.Select(r => CompletionTimeRequestValidator.Validate(r).OrThrow()).ToList();
        var names = rows.Select(r => catalog.NameOf(r.CategoryId, r.Category)).ToList();
        var predictions = predictor.TryPredictBatch<CompletionTimeFeatureSpec, CompletionTimePrediction>(ModelKinds.CompletionTime,
                (spec, i) => CompletionTimeFeatures.Extract(rows[i], names[i], spec, now), rows.Count,
                (output, spec, version, i) => CompletionTimeFeatures.ToPrediction(output[0], spec, version, names[i]))
            ?? rows.Select(r => CompletionTimeFallbackEstimator.Estimate(r, catalog, PredictionSources.Fallback)).ToList();
        return context.RespondAsync(new CompletionTimePredictionBatch { Predictions = predictions });
    }

    public Task Consume(ConsumeContext<PredictWorkerRatingBatch> context)
    {
        var rows = context.Message.Rows.Select(r => WorkerRatingRequestValidator.Validate(r).OrThrow()).ToList();
        var predictions = predictor.TryPredictBatch<WorkerRatingFeatureSpec, WorkerRatingPrediction>(ModelKinds.WorkerRating,
                (_, i) => WorkerRatingFeatures.Extract(rows[i]), rows.Count,
                (output, _, version, i) => WorkerRatingModelOutput.ToPrediction(output[0], rows[i], version))
            ?? rows.Select(r => WorkerRatingHeuristic.Estimate(r, PredictionSources.Fallback)).ToList();
        return context.RespondAsync(new WorkerRatingPredictionBatch { Predictions = predictions });
    }
}

public sealed class BatchPredictionConsumerDefinition() : PredictionConsumerDefinition<BatchPredictionConsumer>(QueueNames.PredictBatch);
