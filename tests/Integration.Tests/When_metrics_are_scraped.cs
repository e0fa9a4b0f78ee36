using System.Net;

namespace iAyos.Messaging.Integration.Tests;

/// <summary>
/// Every process's own Program serves /metrics without a token. The four hosts share this test process, so the
/// platform's static meters show on each; what tells the processes apart is <c>target_info</c>'s service name.
/// </summary>
[Collection(StackCollection.Name)]
public class When_metrics_are_scraped(Stack stack)
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
}
