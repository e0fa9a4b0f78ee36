using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;

namespace iAyos.Messaging.Gateway.Tests;

/// <summary>The Gateway's coalescer: concurrent predictions of a kind share bus messages, and each gets its own row back.</summary>
public class When_predictions_arrive_together
{
    [Fact]
    public async Task Should_send_them_in_fewer_messages_and_answer_each_its_own_row()
    {
        await using var gateway = new GatewayOnTestHarness(
            x => x.AddConsumer<SlowEchoingPriceWorker>(c => c.UseConcurrentMessageLimit(1)).Endpoint(e => e.Name = PriceBudgetKind.QueueName),
            new Dictionary<string, string> { ["Gateway:Coalescing:MaxBatchesInFlight"] = "1", ["Gateway:Coalescing:MaxBatchSize"] = "8" });
        using var http = gateway.CreateClient();
        SlowEchoingPriceWorker.Batches.Clear();

        // Suggested price = the title's length, so an answer given to the wrong request shows.
        var titles = Enumerable.Range(1, 24).Select(i => "Fix " + new string('x', i)).ToList();
        var responses = await Task.WhenAll(titles.Select(t => http.PostAsJsonAsync("/api/ml/predict-price", new { title = t, category_id = 1 })));

        for (var i = 0; i < titles.Count; i++)
        {
            Assert.Equal(HttpStatusCode.OK, responses[i].StatusCode);
            var body = await responses[i].Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("model", body.GetProperty("source").GetString());
            Assert.Equal(titles[i].Length, body.GetProperty("suggested_price").GetDecimal());
        }
        var batches = SlowEchoingPriceWorker.Batches.ToList();
        Assert.Equal(titles.Count, batches.Sum());
        Assert.True(batches.Count < titles.Count, $"{batches.Count} messages for {titles.Count} predictions");
        Assert.All(batches, rows => Assert.InRange(rows, 1, 8));
    }

    [Fact]
    public async Task Should_send_a_prediction_that_finds_a_free_slot_at_once_alone()
    {
        await using var gateway = new GatewayOnTestHarness(
            x => x.AddConsumer<SlowEchoingPriceWorker>().Endpoint(e => e.Name = PriceBudgetKind.QueueName),
            new Dictionary<string, string> { ["Gateway:Coalescing:MaxBatchesInFlight"] = "1" });
        using var http = gateway.CreateClient();
        SlowEchoingPriceWorker.Batches.Clear();

        // One after the other: each finds the slot free and nobody waiting, so each is its own message of one row.
        foreach (var title in new[] { "Fix a", "Fix bb", "Fix ccc" })
        {
            var response = await http.PostAsJsonAsync("/api/ml/predict-price", new { title, category_id = 1 });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(title.Length, body.GetProperty("suggested_price").GetDecimal());
        }
        Assert.Equal([1, 1, 1], SlowEchoingPriceWorker.Batches.ToList());
    }

    [Fact]
    public async Task Should_answer_each_from_the_fallback_when_their_batch_goes_unanswered()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { });
        using var http = gateway.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => http.PostAsJsonAsync("/api/ml/predict-price", new { title = "Fix sink", category_id = 1 })));

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("gateway_fallback", body.GetProperty("source").GetString());
            // The first timeouts may open the price path's breaker, which then answers the rest at once.
            Assert.Contains(body.GetProperty("fallback_reason").GetString(), new[] { "timeout", "circuit_open" });
        }
    }

    /// <summary>Test double: answers coalesced price requests after a pause (so the next ones pile up), echoing each title's length.</summary>
    public sealed class SlowEchoingPriceWorker : IConsumer<PredictBatch<PredictPrice>>
    {
        public static readonly ConcurrentQueue<int> Batches = new();

        public async Task Consume(ConsumeContext<PredictBatch<PredictPrice>> context)
        {
            Batches.Enqueue(context.Message.Rows.Count);
            await Task.Delay(50);
            await context.RespondAsync(ModelPriceAnswers.For(context.Message, r => r.Title.Length));
        }
    }
}
