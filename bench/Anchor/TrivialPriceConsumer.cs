using iAyos.Messaging.Contracts.Predictions;
using MassTransit;

namespace iAyos.Messaging.Anchor;

/// <summary>Answers every price request at once with the same prediction: nothing but MassTransit's own cost is left.</summary>
public sealed class TrivialPriceConsumer : IConsumer<PredictPrice>
{
    private static readonly PricePrediction Answer = new()
    {
        MinPrice = 800, SuggestedPrice = 1200, MaxPrice = 1800, Confidence = 0.8, Source = PredictionSources.Model,
        Category = "Plumbing", ModelVersion = 1,
    };

    public Task Consume(ConsumeContext<PredictPrice> context) => context.RespondAsync(Answer);
}
