using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Bus batching (<c>Inference:Batching:Mode = Bus</c>): MassTransit hands over the price requests waiting on the
/// queue as one batch, answered with one model run; each request still gets its own response. Requests were
/// validated one by one before batching (<see cref="PriceRequestValidationFilter"/>), so one bad message never
/// faults the others.
/// </summary>
public sealed class PredictPriceBatchConsumer(ICategoryCatalogProvider categories, ModelPredictor predictor) : IConsumer<Batch<PredictPrice>>
{
    public async Task Consume(ConsumeContext<Batch<PredictPrice>> context)
    {
        var requests = context.Message.Select(m => PriceRequestValidator.Validate(m.Message).OrThrow()).ToList();
        var predictions = PriceBatchAnswers.Predict(requests, categories.Current, predictor);
        for (var i = 0; i < requests.Count; i++)
            await context.Message[i].RespondAsync(predictions[i]);
    }
}

public sealed class PredictPriceBatchConsumerDefinition : ConsumerDefinition<PredictPriceBatchConsumer>
{
    private const int ConcurrentBatches = 2;
    private readonly BatchingOptions _options;

    public PredictPriceBatchConsumerDefinition(IOptions<BatchingOptions> options)
    {
        _options = options.Value;
        EndpointName = QueueNames.PredictPrice;
        // Every message of a forming batch counts as in flight, so the limit must cover whole batches.
        ConcurrentMessageLimit = _options.MaxBatchSize * ConcurrentBatches;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PredictPriceBatchConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = _options.MaxBatchSize * ConcurrentBatches;
        endpointConfigurator.UseFilter(new PriceRequestValidationFilter());
        endpointConfigurator.UseImmediateRetryUnlessInvalid();
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(_options.MaxBatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(_options.BusTimeLimitMilliseconds))
            .SetConcurrencyLimit(ConcurrentBatches));
    }
}
