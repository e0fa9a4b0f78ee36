using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Predictions.Models;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Bus batching (<c>Inference:Batching:Mode = Bus</c>): MassTransit hands over the requests of a kind waiting on
/// its queue as one batch, answered with one model run; each request still gets its own response. Requests were
/// validated one by one before batching (<see cref="RequestValidationFilter{TRequest, TResponse}"/>), so one bad
/// message never faults the others.
/// </summary>
public sealed class BusBatchPredictConsumer<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, ModelPredictor predictor)
    : IConsumer<Batch<TRequest>>
    where TRequest : class
    where TResponse : class
{
    public async Task Consume(ConsumeContext<Batch<TRequest>> context)
    {
        var requests = context.Message.Select(m => kind.Validate(m.Message).OrThrow()).ToList();
        var predictions = predictor.AnswerBatch(kind, requests);
        for (var i = 0; i < requests.Count; i++)
            await context.Message[i].RespondAsync(predictions[i]);
    }
}

public sealed class BusBatchPredictConsumerDefinition<TRequest, TResponse> : ConsumerDefinition<BusBatchPredictConsumer<TRequest, TResponse>>
    where TRequest : class
    where TResponse : class
{
    private const int ConcurrentBatches = 2;
    private readonly ModelKind<TRequest, TResponse> _kind;
    private readonly BatchingOptions _options;

    public BusBatchPredictConsumerDefinition(ModelKind<TRequest, TResponse> kind, IOptions<BatchingOptions> options)
    {
        _kind = kind;
        _options = options.Value;
        EndpointName = kind.Queue;
        // Every message of a forming batch counts as in flight, so the limit must cover whole batches.
        ConcurrentMessageLimit = _options.MaxBatchSize * ConcurrentBatches;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<BusBatchPredictConsumer<TRequest, TResponse>> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.MaxBatchSize * ConcurrentBatches;
        endpointConfigurator.UseFilter(new RequestValidationFilter<TRequest, TResponse>(_kind));
        endpointConfigurator.UseImmediateRetryUnlessInvalid();
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(_options.MaxBatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(_options.BusTimeLimitMilliseconds))
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
