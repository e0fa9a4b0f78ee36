using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Recommendations;
using MassTransit;

namespace iAyos.Messaging.Gateway.Tests.Recommendations;

/// <summary>The engine mode is checked at the Gateway and carried to the worker; no mode leaves the worker's default.</summary>
public sealed class When_a_recommendation_mode_is_given : IAsyncLifetime
{
    private readonly GatewayOnTestHarness _gateway = new(x => x.AddConsumer<ModeEchoConsumer>().Endpoint(e => e.Name = QueueNames.Recommendations));
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = _gateway.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/recommendations/jobs/1/cleaners?mode=deep")]
    [InlineData("/api/recommendations/jobs/1/cleaners?mode=")]
    [InlineData("/api/recommendations/cleaners/1/jobs?mode=rulebased")]
    public async Task An_unknown_mode_is_a_400_naming_mode(string url)
    {
        var response = await _http.GetAsync(url);

        await AssertModeProblem(response);
    }

    [Fact]
    public async Task An_unknown_mode_in_a_bid_suggestion_body_is_a_400_naming_mode()
    {
        var response = await _http.PostAsJsonAsync("/api/recommendations/bid-suggestion", new { job_id = 1, cleaner_id = 2, mode = "magic" });

        await AssertModeProblem(response);
    }

    [Theory]
    [InlineData("?mode=neural", "neural")]
    [InlineData("?mode=Ensemble", "ensemble")]
    [InlineData("?mode=rule_based", "rule_based")]
    [InlineData("", null)]
    public async Task A_known_mode_reaches_the_worker_and_none_means_its_default(string query, string? expected)
    {
        var list = await _http.GetFromJsonAsync<JsonElement>($"/api/recommendations/jobs/1/cleaners{query}");

        var requested = list.GetProperty("requested_mode");
        Assert.Equal(expected, requested.ValueKind == JsonValueKind.Null ? null : requested.GetString());
    }

    private static async Task AssertModeProblem(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("mode", out _), problem.ToString());
    }

    /// <summary>Test double for the ScoringWorker: answers with the mode the request carried.</summary>
    private sealed class ModeEchoConsumer : IConsumer<RecommendCleanersForJob>
    {
        public Task Consume(ConsumeContext<RecommendCleanersForJob> context) =>
            context.RespondAsync(new CleanerRecommendationList
            {
                JobId = context.Message.JobId,
                Mode = RecommendationModes.RuleBased,
                RequestedMode = context.Message.Mode,
                Recommendations = [],
            });
    }
}
