using iAyos.Messaging.Contracts.Validation;
using MassTransit;

namespace iAyos.Messaging.Platform.Bus;

public static class RetryPolicy
{
    /// <summary>
    /// Transient failures retry at once (Debian's RabbitMQ has no delayed-exchange plugin for delayed
    /// redelivery); a message with invalid values faults straight to the error queue, carrying its reason.
    /// </summary>
    public static void UseImmediateRetryUnlessInvalid(this IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(r =>
        {
            r.Immediate(3);
            r.Ignore<InvalidRequestException>();
        });
}
