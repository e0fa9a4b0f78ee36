using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Platform.Metrics;
using iAyos.Messaging.Predictions.PriceBudget;
using Xunit.Abstractions;

namespace iAyos.Messaging.Gateway.Tests;

/// <summary>The Gateway's /metrics: anonymous, outside the rate limits, with its fallback answers, circuit states and the runtime's meter.</summary>
/// <remarks>Alone, after the parallel tests: OpenTelemetry collects the Gateway's meter by name across the process, so
/// a test host running beside this one added its own price breaker's state to this scrape (seen once in CI).</remarks>
[Collection(MetricsScrapes.Name)]
public class When_metrics_are_scraped(ITestOutputHelper output)
{
    [Fact]
    public async Task Should_count_gateway_fallback_answers_and_show_an_open_circuit_without_a_token_or_a_rate_limit()
    {
        // A bucket of one prediction: /metrics must not draw from it.
        await using var gateway = new GatewayOnTestHarness(_ => { }, new Dictionary<string, string>
        {
            ["RateLimits:PredictionsPerSecond"] = "0.01",
            ["RateLimits:PredictionBurst"] = "1",
            // The request's timeout alone opens the price path's breaker.
            ["Gateway:CircuitBreaker:FailureThreshold"] = "1",
            ["Gateway:CircuitBreaker:OpenSeconds"] = "60",
        });
        using var http = gateway.CreateClient();

        var predicted = await http.PostAsJsonAsync("/api/ml/predict-price", new { title = "Fix sink", category_id = 1, urgency = "HIGH" });
        Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
        Assert.Equal(PredictionSources.GatewayFallback, (await predicted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("source").GetString());

        HttpResponseMessage? scrape = null;
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (scrape = await http.GetAsync(MetricsEndpoint.Path)).StatusCode);
        var text = await scrape!.Content.ReadAsStringAsync();
        output.WriteLine(text);

        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE iayos_predictions_total counter", text);
        Assert.NotEmpty(Series(text, "iayos_predictions_total", $"kind=\"{PriceBudgetKind.KindName}\"", "source=\"gateway_fallback\""));
        Assert.NotEmpty(Series(text, "http_server_request_duration_seconds_count", "http_route=\"/api/ml/predict-price\""));
        var circuit = Assert.Single(Series(text, "iayos_circuit_state", $"path=\"{PriceBudgetKind.QueueName}\""));
        Assert.EndsWith($" {CircuitMetrics.Open}", circuit);
        // The runtime's own meter, to tell a latency tail from a collection or a starved thread pool.
        Assert.NotEmpty(Series(text, "dotnet_gc_collections_total", "gc_heap_generation=\"gen0\""));
        Assert.NotEmpty(Series(text, "dotnet_thread_pool_queue_length_total"));
        // Scraping is not an API call: it is not in the OpenAPI document.
        Assert.DoesNotContain("\"/metrics\"", await http.GetStringAsync("/openapi/v1.json"));
    }

    private static List<string> Series(string text, string name, params string[] labels) =>
        text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(line.Contains))
            .ToList();
}

/// <summary>Runs its tests with no other test of the assembly in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsScrapes
{
    public const string Name = "metrics scrapes";
}
