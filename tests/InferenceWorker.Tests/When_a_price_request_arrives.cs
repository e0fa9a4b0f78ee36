using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Consumers;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Tests;

public class When_a_price_request_arrives
{
    [Fact]
    public async Task Should_answer_from_the_fallback_with_the_category_range_scaled_by_urgency_and_skill()
    {
        await using var inference = await InferenceHarness.StartAsync();

        var response = await inference.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice
        {
            Title = "Fix leaking faucet",
            Category = "plumbing",
            Urgency = "high",
            SkillLevel = "EXPERT",
        });

        var p = response.Message;
        Assert.Equal(PredictionSources.Fallback, p.Source);
        Assert.Equal("Plumbing", p.Category);
        // 800 / 1800 / 4500 x 1.25 (HIGH) x 1.35 (EXPERT)
        Assert.Equal(1350.00m, p.MinPrice);
        Assert.Equal(3037.50m, p.SuggestedPrice);
        Assert.Equal(7593.75m, p.MaxPrice);
        Assert.Equal("PHP", p.Currency);
        Assert.True(await inference.Harness.GetConsumerHarness<PredictConsumer<PredictPrice, PricePrediction>>().Consumed.Any<PredictPrice>());
    }

    [Fact]
    public async Task Should_fault_an_invalid_request_to_the_requester_naming_the_field()
    {
        await using var inference = await InferenceHarness.StartAsync();

        var fault = await Assert.ThrowsAsync<RequestFaultException>(() =>
            inference.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", Urgency = "ASAP" }));

        var exception = Assert.Single(fault.Fault!.Exceptions);
        Assert.Contains("urgency", exception.Message);
        // The fault goes back to the requester, not to every subscriber.
        Assert.True(await inference.Harness.Sent.Any<Fault<PredictPrice>>());
    }

    [Fact]
    public async Task Should_keep_consuming_after_an_invalid_request()
    {
        await using var inference = await InferenceHarness.StartAsync();
        var client = inference.Client<PredictPrice>();

        await Assert.ThrowsAsync<RequestFaultException>(() => client.GetResponse<PricePrediction>(new PredictPrice { Title = "" }));
        var response = await client.GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", CategoryId = 1 });

        Assert.Equal(1800m, response.Message.SuggestedPrice);
    }
}
