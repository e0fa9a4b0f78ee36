using System.Net;
using System.Net.Http.Json;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Gateway.Tests;

/// <summary>How the Gateway's request message is sent: transient, and expiring with the caller's timeout.</summary>
public class When_a_prediction_goes_to_a_worker
{
    [Fact]
    public async Task Should_send_it_transient_with_the_timeout_as_its_time_to_live()
    {
        await using var gateway = new GatewayOnTestHarness(
            x => x.AddConsumer<AnsweringPriceWorker>().Endpoint(e => e.Name = PriceBudgetKind.QueueName));
        using var http = gateway.CreateClient();
        var harness = gateway.Services.GetRequiredService<ITestHarness>();

        var response = await http.PostAsJsonAsync("/api/ml/predict-price", new { title = "Fix sink", category_id = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = await harness.Sent.SelectAsync<PredictBatch<PredictPrice>>().First();
        Assert.NotNull(sent);
        // Not persistent: the broker would otherwise confirm it only once on disk, and the copy would outlive its use.
        Assert.False(sent.Context.Durable);
        Assert.Equal(TimeSpan.FromMilliseconds(GatewayOnTestHarness.InferenceTimeoutMs), sent.Context.TimeToLive);
    }

    /// <summary>Test double: answers every coalesced price request at once.</summary>
    public sealed class AnsweringPriceWorker : IConsumer<PredictBatch<PredictPrice>>
    {
        public Task Consume(ConsumeContext<PredictBatch<PredictPrice>> context) =>
            context.RespondAsync(ModelPriceAnswers.For(context.Message, _ => 150));
    }
}
