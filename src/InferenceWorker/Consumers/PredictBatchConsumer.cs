using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Predictions.Models;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Answers a batch of rows of one kind, in order, with one model run for the whole batch when a model of that
/// kind is active. Rows arrive validated by the Gateway; an invalid one faults the batch.
/// </summary>
public sealed class PredictBatchConsumer<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, ModelPredictor predictor)
    : IConsumer<PredictBatch<TRequest>>
    where TRequest : class
    where TResponse : class
{
    public Task Consume(ConsumeContext<PredictBatch<TRequest>> context) => AnswerAsync(context, kind, predictor);

    /// <summary>Shared with <see cref="CoalescedPredictConsumer{TRequest, TResponse}"/>, which takes the same message on another queue.</summary>
    public static Task AnswerAsync(ConsumeContext<PredictBatch<TRequest>> context, ModelKind<TRequest, TResponse> kind, ModelPredictor predictor)
    {
        var rows = context.Message.Rows.Select(r => kind.Validate(r).OrThrow()).ToList();
        return context.RespondAsync(new PredictionBatch<TResponse> { Predictions = predictor.AnswerBatch(kind, rows) });
    }
}

/// <summary>Every kind's batches share one queue.</summary>
public sealed class PredictBatchConsumerDefinition<TRequest, TResponse>()
    : PredictionConsumerDefinition<PredictBatchConsumer<TRequest, TResponse>>(QueueNames.PredictBatch)
    where TRequest : class
    where TResponse : class;
