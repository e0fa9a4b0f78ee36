using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>Answers a batch of rows of one kind, in order. Rows arrive validated; an invalid one faults the batch.</summary>
public sealed class BatchPredictionConsumer(ICategoryCatalogProvider categories) :
    IConsumer<PredictPriceBatch>, IConsumer<PredictCompletionTimeBatch>, IConsumer<PredictWorkerRatingBatch>
{
    public Task Consume(ConsumeContext<PredictPriceBatch> context)
    {
        var catalog = categories.Current;
        return context.RespondAsync(new PricePredictionBatch
        {
            Predictions = context.Message.Rows
                .Select(r => PriceFallbackEstimator.Estimate(PriceRequestValidator.Validate(r).OrThrow(), catalog, PredictionSources.Fallback))
                .ToList(),
        });
    }

    public Task Consume(ConsumeContext<PredictCompletionTimeBatch> context)
    {
        var catalog = categories.Current;
        return context.RespondAsync(new CompletionTimePredictionBatch
        {
            Predictions = context.Message.Rows
                .Select(r => CompletionTimeFallbackEstimator.Estimate(CompletionTimeRequestValidator.Validate(r).OrThrow(), catalog, PredictionSources.Fallback))
                .ToList(),
        });
    }

    public Task Consume(ConsumeContext<PredictWorkerRatingBatch> context) =>
        context.RespondAsync(new WorkerRatingPredictionBatch
        {
            Predictions = context.Message.Rows
                .Select(r => WorkerRatingHeuristic.Estimate(WorkerRatingRequestValidator.Validate(r).OrThrow(), PredictionSources.Fallback))
                .ToList(),
        });
}

public sealed class BatchPredictionConsumerDefinition() : PredictionConsumerDefinition<BatchPredictionConsumer>(QueueNames.PredictBatch);
