using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Predictions.Models;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Single predictions the Gateway coalesced into one message (its PredictionCoalescer), on the kind's own queue so
/// that queue's depth still measures the kind's load: one model run for the rows, answered in order.
/// </summary>
public sealed class CoalescedPredictConsumer<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, ModelPredictor predictor)
    : IConsumer<PredictBatch<TRequest>>
    where TRequest : class
    where TResponse : class
{
    public Task Consume(ConsumeContext<PredictBatch<TRequest>> context) => PredictBatchConsumer<TRequest, TResponse>.AnswerAsync(context, kind, predictor);
}

/// <summary>The kind's own queue, beside its single requests.</summary>
public sealed class CoalescedPredictConsumerDefinition<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind)
    : PredictionConsumerDefinition<CoalescedPredictConsumer<TRequest, TResponse>>(kind.Queue)
    where TRequest : class
    where TResponse : class;
