using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.JobBoard;
using MassTransit;
using Microsoft.AspNetCore.Hosting;

namespace iAyos.Messaging.Gateway.Tests.Recommendations;

/// <summary>
/// GET /api/recommendations/users/{user_id}/jobs: values checked at the Gateway (400 naming the field), the request
/// carried to the ScoringWorker's own queue, its answer returned as snake_case JSON; no answer is a 503, a fault a 502.
/// </summary>
public sealed class When_a_users_job_recommendations_are_asked_for : IAsyncLifetime
{
    private readonly GatewayOnTestHarness _gateway = new(x =>
        x.AddConsumer<EchoingUserJobConsumer>().Endpoint(e => e.Name = QueueNames.UserJobRecommendations));
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
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999")]
    public async Task A_user_id_that_is_not_a_positive_integer_is_a_400_naming_user_id(string userId)
    {
        var response = await _http.GetAsync($"/api/recommendations/users/{userId}/jobs");

        await AssertProblemNames(response, "user_id");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("")]
    public async Task A_k_outside_1_to_100_is_a_400_naming_k(string k)
    {
        var response = await _http.GetAsync($"/api/recommendations/users/7/jobs?k={k}");

        await AssertProblemNames(response, "k");
    }

    [Fact]
    public async Task Both_bad_values_are_named_in_one_problem()
    {
        var response = await _http.GetAsync("/api/recommendations/users/0/jobs?k=500");

        var errors = await AssertProblemNames(response, "user_id");
        Assert.True(errors.TryGetProperty("k", out _), errors.ToString());
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("?k=1", 1)]
    [InlineData("?k=100", 100)]
    [InlineData("?k=25", 25)]
    public async Task The_user_and_k_reach_the_worker_and_no_k_means_10(string query, int expected)
    {
        var list = await _http.GetFromJsonAsync<JsonElement>($"/api/recommendations/users/42/jobs{query}");

        Assert.Equal(42, list.GetProperty("user_id").GetInt64());
        Assert.Equal(expected, list.GetProperty("recommendations").GetArrayLength());
    }

    [Fact]
    public async Task The_answer_is_the_workers_list_in_snake_case()
    {
        var list = await _http.GetFromJsonAsync<JsonElement>("/api/recommendations/users/42/jobs?k=2");

        Assert.Equal("convfm", list.GetProperty("mode").GetString());
        Assert.Equal(3, list.GetProperty("model_version").GetInt32());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("fallback").ValueKind);
        Assert.Equal(1_000, list.GetProperty("candidates").GetInt32());
        var first = list.GetProperty("recommendations")[0];
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.Equal(1_001, first.GetProperty("job_id").GetInt64());
        Assert.Equal(0.75, first.GetProperty("score").GetDouble(), 6);
        Assert.Equal("Job 1001", first.GetProperty("title").GetString());
        Assert.Equal("Acme", first.GetProperty("company").GetString());
        Assert.Equal("Cebu", first.GetProperty("location").GetString());
        Assert.Equal(["python", "sql"], first.GetProperty("matched_skills").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task No_worker_answering_is_a_503_with_retry_after()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { }).WithWebHostBuilder(b => b.UseSetting("Gateway:ScoringTimeoutMs", "200"));
        using var http = gateway.CreateClient();

        var response = await http.GetAsync("/api/recommendations/users/42/jobs");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("timeout", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_worker_fault_is_a_502_with_a_correlation_id_and_not_the_workers_message()
    {
        await using var gateway = new GatewayOnTestHarness(x =>
            x.AddConsumer<FailingUserJobConsumer>().Endpoint(e => e.Name = QueueNames.UserJobRecommendations));
        using var http = gateway.CreateClient();

        var response = await http.GetAsync("/api/recommendations/users/42/jobs");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(Guid.TryParse(problem.GetProperty("correlation_id").GetString(), out _));
        Assert.DoesNotContain("secret", problem.GetProperty("detail").GetString());
    }

    private static async Task<JsonElement> AssertProblemNames(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), problem.ToString());
        return errors;
    }

    /// <summary>Test double for the ScoringWorker: k recommendations for the user asked about, job ids from 1001.</summary>
    private sealed class EchoingUserJobConsumer : IConsumer<RecommendJobsForUser>
    {
        public Task Consume(ConsumeContext<RecommendJobsForUser> context) =>
            context.RespondAsync(new UserJobRecommendationList
            {
                UserId = context.Message.UserId,
                Mode = JobRankingModes.ConvFm,
                ModelVersion = 3,
                Candidates = 1_000,
                Recommendations = [.. Enumerable.Range(1, context.Message.K).Select(rank => new RecommendedJobForUser
                {
                    Rank = rank,
                    JobId = 1_000 + rank,
                    Score = 1 - rank / 4.0,
                    Title = $"Job {1_000 + rank}",
                    Company = "Acme",
                    Location = "Cebu",
                    MatchedSkills = ["python", "sql"],
                })],
            });
    }

    private sealed class FailingUserJobConsumer : IConsumer<RecommendJobsForUser>
    {
        public Task Consume(ConsumeContext<RecommendJobsForUser> context) => throw new InvalidOperationException("secret connection string");
    }
}
