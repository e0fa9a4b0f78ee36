using System.Runtime.ExceptionServices;
using MassTransit;

namespace iAyos.Messaging.Platform.Bus;

/// <summary>
/// First filter of an endpoint's error pipe. A message whose retries ran out on a transient failure is not at
/// fault: the exception is thrown on, so the RabbitMQ transport nacks the delivery with requeue and the message
/// goes back to its queue, instead of to <c>_error</c>. Every other failure goes on to the next filters (the
/// fault event and the move to <c>_error</c> with its reason).
/// </summary>
public sealed class RequeueTransientFailuresFilter : IFilter<ExceptionReceiveContext>
{
    public Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (TransientFailures.IsTransient(context.Exception))
            ExceptionDispatchInfo.Capture(context.Exception).Throw();
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("requeueTransientFailures");
}
