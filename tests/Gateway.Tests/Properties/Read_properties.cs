using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>The read-only endpoints (status, model lists, health) under arbitrary query strings.</summary>
[Collection(BadInputCollection.Name)]
public class Read_properties(BadInputGateway gateway)
{
    private static readonly Route[] Reads = Routes.All.Where(r => r.Method == "GET").ToArray();

    [Property(MaxTest = 80)]
    public Property Any_query_on_a_read_endpoint_is_answered_below_500() =>
        Prop.ForAll(
            Arb.From(
                from route in Gen.Elements(Reads)
                from query in Routes.Query
                select (Route: route, Probe: new Probe("GET", route.Path + query)),
                c => Routes.ShrinkQuery(c.Probe.Target).Select(target => (c.Route, new Probe("GET", target)))),
            c =>
            {
                var answer = Answer.Of(gateway.Client, c.Probe);
                if (c.Route.Kind == RouteKind.Health)
                    HealthRules.Report(answer);
                else
                    AnswerRules.NoServerError(answer, c.Route.Kind == RouteKind.ReachesWorker);
            });

    [Property(MaxTest = 20)]
    public Property Liveness_answers_200_whatever_the_query() =>
        Prop.ForAll(Arb.From(Routes.Query), query =>
        {
            var answer = Answer.Of(gateway.Client, new Probe("GET", "/health/live" + query));
            if (answer.Status != 200)
                throw new PropertyViolated($"GET /health/live{query} answered {answer}");
        });
}
