using FsCheck;
using FsCheck.Fluent;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>What a route may answer besides 2xx and 4xx ProblemDetails.</summary>
public enum RouteKind
{
    /// <summary>Never 500 or above.</summary>
    Plain,

    /// <summary>503 when no ScoringWorker answers (none runs in these tests).</summary>
    ReachesWorker,

    /// <summary>A health report: 200 or 503, as JSON.</summary>
    Health,
}

/// <summary>A route of the Gateway with valid route values.</summary>
public sealed record Route(string Method, string Path, RouteKind Kind = RouteKind.Plain)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Every route the Gateway maps (src/Gateway/** and the health endpoints of src/Platform), and arbitrary query strings.</summary>
public static class Routes
{
    public static readonly IReadOnlyList<Route> All =
    [
        new("POST", "/api/ml/predict-price"),
        new("POST", "/api/ml/predict-completion-time"),
        new("POST", "/api/ml/predict-worker-rating"),
        new("POST", "/api/ml/predict-for-job/1"),
        new("GET", "/api/ml/worker-rating-for-profile/1"),
        new("POST", "/api/ml/batch-predict"),
        new("POST", "/api/ml/train"),
        new("POST", "/api/ml/train-price-model"),
        new("POST", "/api/ml/train-worker-rating-model"),
        new("POST", "/api/ml/reload-model"),
        new("GET", "/api/ml/model-status"),
        new("GET", "/api/ml/price-model-status"),
        new("GET", "/api/ml/worker-rating-model-status"),
        new("GET", "/api/ml/dataset-stats"),
        new("GET", "/api/ml/training-runs"),
        new("GET", $"/api/ml/training-runs/{BodyEndpoints.RecommendationId}"),
        new("GET", "/api/models"),
        new("GET", "/api/models/price-budget"),
        new("POST", "/api/models/price-budget/1/activate"),
        new("GET", "/api/recommendations/jobs/1/cleaners", RouteKind.ReachesWorker),
        new("GET", "/api/recommendations/cleaners/1/jobs", RouteKind.ReachesWorker),
        new("GET", "/api/recommendations/users/1/jobs", RouteKind.ReachesWorker),
        new("POST", "/api/recommendations/bid-suggestion", RouteKind.ReachesWorker),
        new("POST", $"/api/recommendations/{BodyEndpoints.RecommendationId}/outcome", RouteKind.ReachesWorker),
        new("POST", $"/api/recommendations/{BodyEndpoints.RecommendationId}/feedback", RouteKind.ReachesWorker),
        new("POST", "/api/recommendations/recompute-scores", RouteKind.ReachesWorker),
        new("GET", "/health/live", RouteKind.Health),
        new("GET", "/health/ready", RouteKind.Health),
        new("GET", "/openapi/v1.json"),
    ];

    private static readonly string[] Keys = ["limit", "kind", "min_samples", "max_distance_km", "minSamples", "id", "LIMIT", ""];

    /// <summary>"" or "?k=v&amp;..." with known and unknown keys, repeated keys, junk values, bare keys and stray separators.</summary>
    public static Gen<string> Query => Gen.Frequency(
        (1, Gen.Constant("")),
        (1, Gen.Elements("?", "?&", "?=", "?&&==&", "?%", "?limit", "?limit=", "?limit=&limit=", "?a=1#frag", "??limit=1")),
        (5, Gen.ListOf(Gen.Frequency(
                (3, Gen.Elements(Keys)),
                (1, JsonValues.Text.Select(UrlParts.Escape)))
            .SelectMany(_ => UrlParts.Any, (k, v) => $"{k}={v}"))
            .Select(pairs => "?" + string.Join('&', pairs))));

    /// <summary>The target with no query, then with one key=value pair left out at a time.</summary>
    public static IEnumerable<string> ShrinkQuery(string target)
    {
        var at = target.IndexOf('?');
        if (at < 0)
            yield break;
        yield return target[..at];
        var pairs = target[(at + 1)..].Split('&');
        for (var i = 0; i < pairs.Length && pairs.Length > 1; i++)
            yield return target[..(at + 1)] + string.Join('&', pairs.Where((_, j) => j != i));
    }
}
