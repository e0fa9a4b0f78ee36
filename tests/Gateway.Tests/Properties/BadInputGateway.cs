using System.Net.Http.Headers;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>
/// One in-process Gateway for every property: the in-memory bus with no worker behind it, so a valid request
/// gets the fallback (predictions) or 503 (recommendations) after a short wait, and an admin token on every
/// request so admin endpoints reach their validation.
/// </summary>
public sealed class BadInputGateway : IDisposable
{
    /// <summary>Short waits for the absent workers: valid bodies must not make the suite slow.</summary>
    public const int WorkerTimeoutMs = 100;

    /// <summary>The Gateway's default <c>Gateway:MaxRequestBodyBytes</c>, which these tests keep.</summary>
    public const int MaxRequestBodyBytes = 1024 * 1024;

    private readonly GatewayOnTestHarness _host = new(_ => { }, new Dictionary<string, string>
    {
        ["Gateway:InferenceTimeoutMs"] = WorkerTimeoutMs.ToString(),
        ["Gateway:ScoringTimeoutMs"] = WorkerTimeoutMs.ToString(),
        ["Gateway:CommandTimeoutMs"] = "2000",
        ["Auth:SigningKey"] = AdminToken.SigningKey,
        ["Auth:Issuer"] = AdminToken.Issuer,
        ["Auth:Audience"] = AdminToken.Audience,
        // Hundreds of requests a second from one client: limits are their own tests' business.
        ["RateLimits:PredictionsPerSecond"] = "100000",
        ["RateLimits:PredictionBurst"] = "100000",
        ["RateLimits:RecommendationsPerSecond"] = "100000",
        ["RateLimits:RecommendationBurst"] = "100000",
        // Thousands of expected timeouts and 4xx would otherwise flood the test output; errors still show.
        ["Logging:LogLevel:Default"] = "Error",
    });

    public BadInputGateway()
    {
        Client = _host.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken.Mint());
    }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        _host.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BadInputCollection : ICollectionFixture<BadInputGateway>
{
    public const string Name = "Gateway under bad input";
}
