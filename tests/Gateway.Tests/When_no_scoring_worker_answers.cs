using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace iAyos.Messaging.Gateway.Tests;

public class When_no_scoring_worker_answers
{
    [Fact]
    public async Task Should_answer_503_with_retry_after_and_open_the_breaker_after_consecutive_timeouts()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { }).WithWebHostBuilder(b =>
        {
            b.UseSetting("Gateway:ScoringTimeoutMs", "200");
            b.UseSetting("Gateway:CircuitBreaker:FailureThreshold", "2");
            b.UseSetting("Gateway:CircuitBreaker:OpenSeconds", "30");
        });
        using var http = gateway.CreateClient();

        var first = await http.GetAsync("/api/recommendations/jobs/1/cleaners");
        var second = await http.GetAsync("/api/recommendations/jobs/1/cleaners");
        var third = await http.GetAsync("/api/recommendations/jobs/1/cleaners");

        Assert.All([first, second, third], r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.Equal("timeout", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        var rejected = await third.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("circuit_open", rejected.GetProperty("reason").GetString());
        Assert.InRange(third.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 2, 30);
        Assert.Equal(rejected.GetProperty("retry_after_seconds").GetInt32(), (int)third.Headers.RetryAfter.Delta.Value.TotalSeconds);
    }
}
