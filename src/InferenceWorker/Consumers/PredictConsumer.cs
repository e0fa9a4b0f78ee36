using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Predictions.Models;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Answers one request of a kind from its active model when one is loaded ("source": "model"), from its
/// estimator otherwise or when the model fails on the request. An invalid request faults to the error queue.
/// </summary>
public sealed class PredictConsumer<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, ModelPredictor predictor) : IConsumer<TRequest>
    where TRequest : class
    where TResponse : class
{
    public async Task Consume(ConsumeContext<TRequest> context)
    {
        var request = kind.Validate(context.Message).OrThrow();
        await context.RespondAsync(await predictor.AnswerAsync(kind, request));
    }
}

/// <summary>The kind's own queue, named by its descriptor.</summary>
public sealed class PredictConsumerDefinition<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind)
    : PredictionConsumerDefinition<PredictConsumer<TRequest, TResponse>>(kind.Queue)
    where TRequest : class
    where TResponse : class;
