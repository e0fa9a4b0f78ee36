using System.Net;
using System.Net.Http.Json;
using iAyos.Messaging.Gateway;
using iAyos.Messaging.Predictions.PriceBudget;
using Xunit.Abstractions;

namespace iAyos.Messaging.Integration.Tests;

/// <summary>
/// Every process's own Program serves /metrics without a token. The four hosts share this test process, so the
/// platform's static meters show on each; what tells the processes apart is <c>target_info</c>'s service name.
/// </summary>
[Collection(StackCollection.Name)]
public class When_metrics_are_scraped(Stack stack, ITestOutputHelper output)
{
    [Fact]
    public async Task Each_process_should_serve_prometheus_text_naming_itself()
    {
        await stack.EnsureInferenceRunningAsync();
        var hosts = new (string Service, Func<HttpClient> Client)[]
        {
            ("iAyos.Messaging.Gateway", () => stack.Gateway.CreateClient()),
            ("iAyos.Messaging.InferenceWorker", () => stack.Inference!.CreateClient()),
            ("iAyos.Messaging.TrainingWorker", () => stack.Training.CreateClient()),
            ("iAyos.Messaging.ScoringWorker", () => stack.Scoring.CreateClient()),
        };
        foreach (var (service, client) in hosts)
        {
            using var http = client();
            var response = await http.GetAsync("/metrics");
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"target_info{{service_name=\"{service}\"", text);
        }
    }

    [Fact]
    public async Task A_prediction_over_the_bus_should_show_on_the_workers_metrics_with_its_queue_and_the_gateways_circuits()
    {
        await stack.EnsureInferenceRunningAsync();
        var answered = await stack.Http.PostAsJsonAsync("/api/ml/predict-price", new { title = "Fix a leaking sink", category_id = 1 });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        // The exporter serves a cached scrape for up to 300 ms (another test may just have scraped), and the worker's
        // counts land as its consumer finishes: read until the series show, then assert on what was read.
        using var worker = stack.Inference!.CreateClient();
        var workerText = "";
        await TestInfrastructure.EventuallyAsync(async () =>
        {
            workerText = await worker.GetStringAsync("/metrics");
            return Lines(workerText, "iayos_predictions_total").Any(l => l.Contains($"kind=\"{PriceBudgetKind.KindName}\""))
                   && Lines(workerText, "messaging_masstransit_consume_duration_milliseconds_count").Any(l => l.Contains($"messaging_masstransit_destination=\"{PriceBudgetKind.QueueName}\""));
        }, TimeSpan.FromSeconds(15));
        using var gateway = stack.Gateway.CreateClient();
        var gatewayText = "";
        await TestInfrastructure.EventuallyAsync(async () =>
        {
            gatewayText = await gateway.GetStringAsync("/metrics");
            return Lines(gatewayText, "iayos_circuit_state").Any(l => l.Contains($"path=\"{PriceBudgetKind.QueueName}\"") && l.EndsWith(" 0"));
        }, TimeSpan.FromSeconds(15));
        output.WriteLine(workerText);
        output.WriteLine(gatewayText);

        Assert.Contains(Lines(workerText, "iayos_predictions_total"), l => l.Contains($"kind=\"{PriceBudgetKind.KindName}\""));
        Assert.Contains(Lines(workerText, "messaging_masstransit_consume_duration_milliseconds_count"),
            l => l.Contains($"messaging_masstransit_destination=\"{PriceBudgetKind.QueueName}\""));
        // The answer closed the price path's breaker. The consumer watcher made a breaker for each served kind's
        // queue and sees the worker's consumers on each (a breaker it opened before the worker came stays open
        // until a request probes).
        Assert.Contains(Lines(gatewayText, "iayos_circuit_state"), l => l.Contains($"path=\"{PriceBudgetKind.QueueName}\"") && l.EndsWith(" 0"));
        var awaiting = Lines(gatewayText, "iayos_circuit_awaiting_workers").ToList();
        foreach (var kind in GatewayRegistration.ServedKinds)
            Assert.True(awaiting.Any(l => l.Contains($"path=\"{kind.Queue}\"") && l.EndsWith(" 0")), string.Join('\n', awaiting));
    }

    private static IEnumerable<string> Lines(string text, string name) =>
        text.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal));
}
