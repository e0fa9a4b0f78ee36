using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace iAyos.Messaging.Gateway.Tests.Security;

/// <summary>
/// Buckets of two requests refilled once every 1,000 s, so the third request in a test is over the limit however
/// slowly the test runs. Malformed bodies keep the answers quick: the limiter runs before the handler's 400.
/// </summary>
public class When_a_client_goes_over_its_rate_limit
{
    private static readonly Dictionary<string, string> TinyLimits = new()
    {
        ["RateLimits:PredictionsPerSecond"] = "0.001",
        ["RateLimits:PredictionBurst"] = "2",
        ["RateLimits:RecommendationsPerSecond"] = "0.001",
        ["RateLimits:RecommendationBurst"] = "2",
    };

    [Fact]
    public async Task Should_answer_429_problem_details_with_retry_after_over_the_limit()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { }, TinyLimits);
        using var http = gateway.CreateClient();

        var allowed = new[] { await PredictAsync(http), await PredictAsync(http) };
        var refused = await PredictAsync(http);

        Assert.All(allowed, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 1000);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests.", problem.GetProperty("title").GetString());
        Assert.Equal((int)retryAfter.Value.TotalSeconds, problem.GetProperty("retry_after_seconds").GetInt32());
    }

    [Fact]
    public async Task Should_not_limit_another_client_or_another_policy()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { }, TinyLimits);
        using var anonymous = gateway.CreateClient();
        using var other = gateway.CreateClient();
        other.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.WithRole("user", subject: "another-client"));
        for (var i = 0; i < 2; i++)
            await PredictAsync(anonymous);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PredictAsync(anonymous)).StatusCode);

        var otherClient = await PredictAsync(other);
        var batchOfTheLimitedClient = await anonymous.PostAsync("/api/ml/batch-predict", Malformed());
        var recommendationOfTheLimitedClient = await anonymous.GetAsync("/api/recommendations/jobs/0/cleaners");

        Assert.Equal(HttpStatusCode.BadRequest, otherClient.StatusCode); // its own bucket: the subject's
        Assert.Equal(HttpStatusCode.TooManyRequests, batchOfTheLimitedClient.StatusCode); // the same bucket as predict-*
        Assert.Equal(HttpStatusCode.BadRequest, recommendationOfTheLimitedClient.StatusCode); // recommendations have their own
    }

    [Fact]
    public async Task Should_not_limit_admin_or_read_endpoints()
    {
        await using var gateway = new GatewayOnTestHarness(_ => { }, TinyLimits);
        using var http = gateway.CreateClient();
        http.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Admin());

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await http.GetAsync("/api/ml/training-runs/not-a-uuid")).StatusCode);
            answers.Add((await http.PostAsync("/api/ml/reload-model", null)).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
    }

    private static Task<HttpResponseMessage> PredictAsync(HttpClient http) => http.PostAsync("/api/ml/predict-price", Malformed());

    private static StringContent Malformed() => new("{", Encoding.UTF8, "application/json");
}
