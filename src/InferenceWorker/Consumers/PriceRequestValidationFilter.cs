using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.Validation;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Validates each price request before it joins a bus batch: an invalid one faults alone (error queue with its
/// reason, a fault to its requester) instead of failing the whole batch it would have joined.
/// </summary>
public sealed class PriceRequestValidationFilter : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (context.TryGetMessage<PredictPrice>(out var request))
        {
            var validated = PriceRequestValidator.Validate(request.Message);
            if (!validated.IsValid)
            {
                var error = new InvalidRequestException(validated.Errors);
                await context.NotifyFaulted(request, TimeSpan.Zero, nameof(PriceRequestValidationFilter), error);
                throw error;
            }
        }
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("priceRequestValidation");
}
