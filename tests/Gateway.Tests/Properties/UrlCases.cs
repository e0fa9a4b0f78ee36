using FsCheck;
using FsCheck.Fluent;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>
/// A route or query with one value left open ("{}" in <paramref name="Template"/>), the field the Gateway names
/// when that value is wrong, and a body it accepts where the route reads one.
/// </summary>
/// <param name="MayReachWorker">A valid request waits on a ScoringWorker, so 503 is a valid answer here (no worker runs).</param>
public sealed record UrlTemplate(string Method, string Template, string Field, string? Body = null, bool MayReachWorker = false)
{
    public Probe With(string value) => Body is null
        ? new Probe(Method, Template.Replace("{}", value))
        : Probe.Json(Method, Template.Replace("{}", value), Body);

    public override string ToString() => $"{Method} {Template}";
}

/// <summary>One <see cref="UrlTemplate"/> with its open value filled in.</summary>
public sealed record UrlCase(UrlTemplate Template, string Value)
{
    public Probe ToProbe() => Template.With(Value);

    public override string ToString() => $"({Template.Field} = '{Value}') {ToProbe()}";
}

/// <summary>Every route value and query value the Gateway reads (src/Gateway/**).</summary>
public static class UrlCases
{
    private static readonly string Outcome = BodyEndpoints.All.Single(e => e.Path.EndsWith("/outcome")).ValidBody;
    private static readonly string Feedback = BodyEndpoints.All.Single(e => e.Path.EndsWith("/feedback")).ValidBody;

    public static readonly IReadOnlyList<UrlTemplate> RouteValues =
    [
        new("GET", "/api/recommendations/jobs/{}/cleaners", "job_id", MayReachWorker: true),
        new("GET", "/api/recommendations/cleaners/{}/jobs", "cleaner_id", MayReachWorker: true),
        new("POST", "/api/recommendations/{}/outcome", "id", Outcome, MayReachWorker: true),
        new("POST", "/api/recommendations/{}/feedback", "id", Feedback, MayReachWorker: true),
        new("GET", "/api/ml/training-runs/{}", "id"),
        new("POST", "/api/ml/predict-for-job/{}", "job_id"),
        new("GET", "/api/ml/worker-rating-for-profile/{}", "id"),
        new("GET", "/api/models/{}", "kind"),
        new("POST", "/api/models/{}/1/activate", "kind"),
        new("POST", "/api/models/price-budget/{}/activate", "version"),
    ];

    /// <summary>Each query value, with the others valid; "{}" is the value under test.</summary>
    public static readonly IReadOnlyList<UrlTemplate> QueryValues =
    [
        new("GET", "/api/recommendations/jobs/1/cleaners?limit={}", "limit", MayReachWorker: true),
        new("GET", "/api/recommendations/jobs/1/cleaners?limit=5&max_distance_km={}", "max_distance_km", MayReachWorker: true),
        new("GET", "/api/recommendations/cleaners/1/jobs?limit={}", "limit", MayReachWorker: true),
        new("GET", "/api/ml/training-runs?limit={}", "limit"),
        new("GET", "/api/ml/training-runs?kind={}&limit=5", "kind"),
        new("GET", "/api/ml/dataset-stats?min_samples={}", "min_samples"),
    ];

    /// <summary>Values no query value accepts: not a number it takes, out of every range, or the key given twice.</summary>
    private static readonly string[] InvalidEverywhere =
        ["-1", "1e400", "-Infinity", "NaN", "99999999999999999999", "5%2C6", RepeatedKey];

    /// <summary>The key under test given twice ("@" becomes its name): which of two values would count is unclear.</summary>
    private const string RepeatedKey = "5&@=6";

    /// <summary>Values just outside one field's range.</summary>
    private static readonly Dictionary<string, string[]> InvalidFor = new()
    {
        ["limit"] = ["0", "501", "1.5", "1e2"],
        ["max_distance_km"] = ["0", "0.01", "501", "Infinity"],
        ["min_samples"] = ["0", "1.5", "1e2"],
        ["kind"] = ["PRICE-BUDGET", "price_budget", "1"],
    };

    public static Arbitrary<UrlCase> InvalidRouteValue => Invalid(RouteValues, UrlParts.InPath(UrlParts.Invalid));

    public static Arbitrary<UrlCase> AnyRouteValue => AnyValue(RouteValues, UrlParts.InPath(UrlParts.Any));

    public static Arbitrary<UrlCase> InvalidQueryValue => Arb.From(
        from t in Gen.Elements(QueryValues.ToArray())
        from v in Gen.Frequency(
            (3, UrlParts.Invalid),
            (1, Gen.Elements(InvalidEverywhere)),
            (1, Gen.Elements(InvalidFor[t.Field])))
        select new UrlCase(t, v.Replace("@", t.Field)),
        c => UrlParts.ShrinkInvalid(c.Value).Select(v => c with { Value = v }));

    public static Arbitrary<UrlCase> AnyQueryValue => AnyValue(QueryValues, UrlParts.Any);

    private static Arbitrary<UrlCase> Invalid(IReadOnlyList<UrlTemplate> templates, Gen<string> values) => Arb.From(
        from t in Gen.Elements(templates.ToArray())
        from v in values
        select new UrlCase(t, v),
        c => UrlParts.ShrinkInvalid(c.Value).Select(v => c with { Value = v }));

    private static Arbitrary<UrlCase> AnyValue(IReadOnlyList<UrlTemplate> templates, Gen<string> values) => Arb.From(
        from t in Gen.Elements(templates.ToArray())
        from v in values
        select new UrlCase(t, v),
        c => UrlParts.Shorter(c.Value).Select(v => c with { Value = v }));
}
