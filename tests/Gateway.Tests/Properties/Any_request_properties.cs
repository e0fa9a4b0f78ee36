using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>Any method, any route, any query, any body or none: the Gateway answers, and never with a server error.</summary>
[Collection(BadInputCollection.Name)]
public class Any_request_properties(BadInputGateway gateway)
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private sealed record Case(Route Route, Probe Probe)
    {
        public override string ToString() => Probe.ToString();
    }

    private static Arbitrary<Case> Requests => Arb.From(
        from route in Gen.Elements(Routes.All.ToArray())
        from method in Gen.Frequency((3, Gen.Constant(route.Method)), (1, Gen.Elements(Methods)))
        from query in Routes.Query
        from type in Gen.Frequency((3, Gen.Constant<string?>("application/json")), (1, Gen.Elements(ContentCases.NotJsonTypes)))
        from body in Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (3, JsonValues.Any(["kind", "title", "rows", "job_id", "epochs", "outcome", "feedback_type"]).Select(v => (string?)JsonValues.ToText(v))),
            (1, JsonValues.Text.Select(t => (string?)t)))
        select new Case(route, new Probe(method, route.Path + query, body is null ? null : type, body)),
        c => Shrink(c));

    [Property(MaxTest = 200)]
    public Property Any_request_is_answered_below_500() =>
        Prop.ForAll(Requests, c =>
        {
            var answer = Answer.Of(gateway.Client, c.Probe);
            if (c.Route.Kind == RouteKind.Health) // health checks answer every method
                HealthRules.Report(answer);
            else
                AnswerRules.NoServerError(answer, c.Route.Kind == RouteKind.ReachesWorker);
        });

    /// <summary>Toward the route's own method, no query and no body.</summary>
    private static IEnumerable<Case> Shrink(Case c)
    {
        var p = c.Probe;
        if (p.Body is not null)
            yield return c with { Probe = p with { Body = null, ContentType = null } };
        foreach (var target in Routes.ShrinkQuery(p.Target))
            yield return c with { Probe = p with { Target = target } };
        if (p.Method != c.Route.Method)
            yield return c with { Probe = p with { Method = c.Route.Method } };
        if (p.Body is { Length: > 1 } body)
            foreach (var shorter in UrlParts.Shorter(body))
                yield return c with { Probe = p with { Body = shorter } };
    }
}
