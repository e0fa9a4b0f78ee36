using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>Answers price-range requests; from the fallback estimator until a price model is served.</summary>
public sealed class PredictPriceConsumer(ICategoryCatalogProvider categories) : IConsumer<PredictPrice>
{
    public async Task Consume(ConsumeContext<PredictPrice> context)
    {
        var request = PriceRequestValidator.Validate(context.Message).OrThrow();
        var prediction = PriceFallbackEstimator.Estimate(request, categories.Current, PredictionSources.Fallback);
        await context.RespondAsync(prediction);
    }
}

public sealed class PredictPriceConsumerDefinition() : PredictionConsumerDefinition<PredictPriceConsumer>(QueueNames.PredictPrice);
