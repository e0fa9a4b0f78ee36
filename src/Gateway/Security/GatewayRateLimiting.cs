using System.Globalization;
using System.Threading.RateLimiting;
using iAyos.Messaging.Platform.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Security;

/// <summary>
/// ASP.NET Core's rate limiter on the prediction and recommendation endpoints: one token bucket per client and
/// policy, sized by <see cref="RateLimitOptions"/>. Over the limit is 429 problem details with <c>Retry-After</c>.
/// </summary>
public static class GatewayRateLimiting
{
    public const string Predictions = "predictions";
    public const string Recommendations = "recommendations";

    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => !o.Problems().Any(), $"{RateLimitOptions.Section} has values out of range: rates above 0, bursts of at least 1.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Predictions, http =>
            {
                var limits = Limits(http);
                return RateLimitPartition.GetTokenBucketLimiter(ClientKey(http), _ => TokenBucket(limits.PredictionsPerSecond, limits.PredictionBurst));
            });
            limiter.AddPolicy(Recommendations, http =>
            {
                var limits = Limits(http);
                return RateLimitPartition.GetTokenBucketLimiter(ClientKey(http), _ => TokenBucket(limits.RecommendationsPerSecond, limits.RecommendationBurst));
            });
            limiter.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>The token's subject when the request carries a valid token, else the remote address.</summary>
    public static string ClientKey(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirst(AccessTokens.SubjectClaim)?.Value is { Length: > 0 } subject
            ? "sub:" + subject
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>A bucket of <paramref name="burst"/> tokens refilled at <paramref name="perSecond"/>, in whole tokens per period.</summary>
    public static TokenBucketRateLimiterOptions TokenBucket(double perSecond, int burst)
    {
        var tokens = Math.Max(1, (int)Math.Floor(perSecond));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokens / perSecond),
            QueueLimit = 0, // refuse at once: a queued prediction would only be late
            AutoReplenishment = true,
        };
    }

    private static RateLimitOptions Limits(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var limits = Limits(http);
        var (what, perSecond, burst) = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Recommendations
            ? ("recommendation", limits.RecommendationsPerSecond, limits.RecommendationBurst)
            : ("prediction", limits.PredictionsPerSecond, limits.PredictionBurst);
        await ProblemResponses.WriteAsync(http, StatusCodes.Status429TooManyRequests, "Too many requests.",
            $"This client is over its {what} limit ({perSecond.ToString(CultureInfo.InvariantCulture)} per second, bursts of {burst}); retry after {seconds} s.",
            new Dictionary<string, object?> { ["retry_after_seconds"] = seconds });
    }
}
