using iAyos.Messaging.Predictions.Validation;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// The queue of a prediction consumer, pinned by name because ops scale on its depth. Transient
/// failures retry at once (Debian's RabbitMQ has no delayed-exchange plugin for delayed redelivery);
/// an invalid request faults straight to the error queue, carrying its reason.
/// </summary>
public abstract class PredictionConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected PredictionConsumerDefinition(string queue)
    {
        EndpointName = queue;
        ConcurrentMessageLimit = 64;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Immediate(3);
            r.Ignore<InvalidPredictionRequestException>();
        });
    }
}
