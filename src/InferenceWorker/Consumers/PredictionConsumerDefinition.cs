using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Platform.Bus;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// The queue of a prediction consumer, pinned by name because ops scale on its depth, with the
/// platform's retry policy.
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
        endpointConfigurator.UseImmediateRetryUnlessInvalid();
    }
}
