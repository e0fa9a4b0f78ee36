using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Predictions.Models;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Validates each request before it joins a bus batch: an invalid one faults alone (error queue with its
/// reason, a fault to its requester) instead of failing the whole batch it would have joined.
/// </summary>
public sealed class RequestValidationFilter<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind) : IFilter<ConsumeContext>
    where TRequest : class
    where TResponse : class
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (context.TryGetMessage<TRequest>(out var request))
        {
            var validated = kind.Validate(request.Message);
            if (!validated.IsValid)
            {
                var error = new InvalidRequestException(validated.Errors);
                await context.NotifyFaulted(request, TimeSpan.Zero, nameof(RequestValidationFilter<TRequest, TResponse>), error);
                throw error;
            }
        }
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope($"{kind.Name}RequestValidation");
}
