using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Gateway.Resilience;
using iAyos.Messaging.Predictions.PriceBudget;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_the_inference_worker_goes_away(Stack stack)
{
    private static readonly object Request = new { title = "Fix leaking faucet", category_id = 1, urgency = "HIGH", skill_level = "INTERMEDIATE" };

    [Fact]
    public async Task Should_open_the_path_breaker_with_reason_no_worker_and_answer_from_the_gateway()
    {
        await stack.EnsureInferenceRunningAsync();
        var breaker = stack.Gateway.Services.GetRequiredService<CircuitBreakers>().For(PriceBudgetKind.QueueName);

        await stack.StopInferenceAsync();
        var opened = await TestInfrastructure.EventuallyAsync(() => Task.FromResult(breaker.AwaitingWorkers), TimeSpan.FromSeconds(10));
        var answers = new List<JsonElement>();
        for (var i = 0; i < 5; i++)
        {
            var response = await stack.Http.PostAsJsonAsync("/api/ml/predict-price", Request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        Assert.True(opened, "The consumer watcher did not see the price queue lose its consumer.");
        Assert.Equal("open", breaker.StateName);
        Assert.All(answers, a =>
        {
            Assert.Equal("gateway_fallback", a.GetProperty("source").GetString());
            Assert.Equal("no_worker", a.GetProperty("fallback_reason").GetString());
        });
    }

    [Fact]
    public async Task Should_close_the_breaker_when_a_worker_is_back_and_answers()
    {
        await stack.StopInferenceAsync();
        var breaker = stack.Gateway.Services.GetRequiredService<CircuitBreakers>().For(PriceBudgetKind.QueueName);
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(breaker.AwaitingWorkers), TimeSpan.FromSeconds(10)));

        await stack.EnsureInferenceRunningAsync();
        var probe = await stack.Http.PostAsJsonAsync("/api/ml/predict-price", Request);
        var next = await stack.Http.PostAsJsonAsync("/api/ml/predict-price", Request);

        Assert.Equal("closed", breaker.StateName);
        Assert.NotEqual("gateway_fallback", (await probe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());
        var body = await next.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual("gateway_fallback", body.GetProperty("source").GetString());
        Assert.False(body.TryGetProperty("fallback_reason", out _));
    }
}
