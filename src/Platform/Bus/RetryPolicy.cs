using iAyos.Messaging.Contracts.Validation;
using MassTransit;
using MassTransit.Middleware;

namespace iAyos.Messaging.Platform.Bus;

public static class RetryPolicy
{
    /// <summary>Immediate retries of a failure that is not the message's fault.</summary>
    public const int ImmediateRetries = 3;

    /// <summary>Backoff retries of a transient failure before the message goes back to its queue: about 11 s in all.</summary>
    public static readonly TimeSpan[] TransientDelays = Backoff.Schedule(7);

    /// <summary>How long an endpoint stays paused before it tries a message again.</summary>
    public static readonly TimeSpan PauseWhileDown = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Transient failures retry at once (Debian's RabbitMQ has no delayed-exchange plugin for delayed
    /// redelivery); a message with invalid values faults straight to the error queue, carrying its reason.
    /// For request/response endpoints, whose callers wait for an answer: a request that failed on an outage is
    /// answered with its fault and dropped, not moved to <c>_error</c> (<see cref="DiscardTransientFailuresFilter"/>).
    /// </summary>
    public static void UseImmediateRetryUnlessInvalid(this IReceiveEndpointConfigurator endpoint)
    {
        endpoint.UseMessageRetry(r =>
        {
            r.Immediate(ImmediateRetries);
            r.Ignore<InvalidRequestException>();
        });
        endpoint.ConfigureError(e =>
        {
            e.UseFilter(new GenerateFaultFilter());
            e.UseFilter(new DiscardTransientFailuresFilter());
            e.UseFilter(new ErrorTransportFilter());
        });
    }

    /// <summary>
    /// For endpoints that write what they consume to a dependency, where a message must not be lost to an outage:
    /// <list type="bullet">
    /// <item>a transient failure (<see cref="TransientFailures"/>) is retried with backoff (100 ms doubling to 5 s,
    /// about 11 s), any other failure three times at once, an invalid message not at all;</item>
    /// <item>when the transient retries run out, the message goes back to its queue (nack with requeue), not to
    /// <c>_error</c>, and MassTransit's kill switch stops the endpoint, so nothing is consumed while the
    /// dependency is down; every <see cref="PauseWhileDown"/> it starts again and tries, stopping again on the
    /// next transient failure, for however long the outage lasts;</item>
    /// <item>any other failure, an unparseable message included, moves to <c>_error</c> with its reason, as before.</item>
    /// </list>
    /// Messages in flight when the endpoint stops finish their retries and go back to the queue; those the
    /// broker had pushed but the endpoint had not started return to the queue when its channel closes.
    /// </summary>
    public static void UseRetryAndWaitOutOutages(this IReceiveEndpointConfigurator endpoint)
    {
        endpoint.UseMessageRetry(r => DependencyRetry(r, TransientDelays, ImmediateRetries));
        // Trips on the first transient fault once two deliveries were seen (the least MassTransit allows).
        endpoint.UseKillSwitch(k => k
            .SetActivationThreshold(1)
            .SetTripThreshold(0)
            .SetRestartTimeout(PauseWhileDown)
            .SetExceptionFilter(f => f.Handle<Exception>(TransientFailures.IsTransient)));
        // Replaces the default error pipe (fault event, then _error): transient failures are requeued first.
        endpoint.ConfigureError(e =>
        {
            e.UseFilter(new RequeueTransientFailuresFilter());
            e.UseFilter(new GenerateFaultFilter());
            e.UseFilter(new ErrorTransportFilter());
        });
    }

    /// <summary>Transient failures with <paramref name="transientDelays"/>, others <paramref name="immediateRetries"/> times at once, invalid messages never.</summary>
    public static void DependencyRetry(IRetryConfigurator retry, IReadOnlyList<TimeSpan> transientDelays, int immediateRetries)
    {
        retry.SetRetryPolicy(filter => new DependencyRetryPolicy(filter, transientDelays, immediateRetries));
        retry.Ignore<InvalidRequestException>();
    }
}
