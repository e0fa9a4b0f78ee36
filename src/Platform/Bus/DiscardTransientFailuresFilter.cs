using MassTransit;

namespace iAyos.Messaging.Platform.Bus;

/// <summary>
/// Error-pipe filter of request/response endpoints. A request that failed on an outage has been answered with a
/// fault (the Gateway turns it into 503 with Retry-After), and its caller has stopped waiting: it is not kept,
/// neither requeued (it would outlive its caller) nor moved to <c>_error</c> (it was not at fault). Every other
/// failure goes on to the move to <c>_error</c> with its reason.
/// </summary>
public sealed class DiscardTransientFailuresFilter : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next) =>
        TransientFailures.IsTransient(context.Exception) ? Task.CompletedTask : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("discardTransientFailures");
}
