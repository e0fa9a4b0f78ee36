using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_a_bad_message_reaches_a_worker_queue(Stack stack)
{
    private const string Queue = PriceBudgetKind.QueueName;
    private const string ErrorQueue = PriceBudgetKind.QueueName + "_error";

    [Fact]
    public async Task Should_move_unparseable_bytes_to_the_error_queue_and_keep_consuming()
    {
        await stack.EnsureInferenceRunningAsync();
        await using var broker = await TestInfrastructure.BrokerAsync();
        await using var channel = await broker.CreateChannelAsync();
        var messageId = Guid.NewGuid().ToString();

        await channel.BasicPublishAsync("", Queue, mandatory: false,
            new BasicProperties { MessageId = messageId, ContentType = "application/vnd.masstransit+json", Persistent = true },
            Encoding.UTF8.GetBytes("{ this is not json"));

        var dead = await TestInfrastructure.FindInErrorQueueAsync(ErrorQueue, messageId);
        Assert.NotNull(dead);
        Assert.True(dead.BasicProperties.Headers!.ContainsKey("MT-Reason"), "the error queue keeps the reason");
        await AssertStillConsumingAsync();
    }

    [Theory]
    [InlineData("Micro")]
    [InlineData("Bus")]
    public async Task Should_move_a_well_formed_but_invalid_request_to_the_error_queue_with_its_reason(string batchingMode)
    {
        await stack.EnsureInferenceRunningAsync(batchingMode);
        var sender = stack.Gateway.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();

        var endpoint = await sender.GetSendEndpoint(QueueNames.Address(Queue));
        await endpoint.Send(new PredictPrice { Title = "Fix sink", Urgency = "WHENEVER" }, context => context.MessageId = messageId);

        var dead = await TestInfrastructure.FindInErrorQueueAsync(ErrorQueue, messageId.ToString());
        Assert.NotNull(dead);
        var reason = Encoding.UTF8.GetString((byte[])dead.BasicProperties.Headers!["MT-Fault-Message"]!);
        Assert.Contains("urgency", reason);
        await AssertStillConsumingAsync();
    }

    private async Task AssertStillConsumingAsync()
    {
        var response = await stack.Http.PostAsJsonAsync("/api/ml/predict-price", new { title = "Fix sink", category_id = 1 });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        // Answered by the worker (model or estimator), not by the Gateway's own fallback after a timeout.
        Assert.Contains(body.GetProperty("source").GetString(), new[] { "model", "fallback" });
    }
}
