using iAyos.Messaging.Gateway.Http;
using System.Text.RegularExpressions;

namespace iAyos.Messaging.Gateway.Recommendations;

/// <summary>
/// <c>GET /api/recommendations/experiments/{name}</c>: per arm, the recommendations shown, viewed, contacted and
/// hired, and each rate (of those shown) with its 95% Wilson interval. Read from PostgreSQL directly, like the
/// training-run reports: a report, not a request a worker must answer.
/// </summary>
public static partial class ExperimentEndpoints
{
    public static IEndpointRouteBuilder MapExperimentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/recommendations/experiments/{name}", async (string name, ExperimentReader reader, CancellationToken ct) =>
            {
                if (!NamePattern().IsMatch(name))
                    return Problems.InvalidField("name", "must be 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit.");
                var arms = await reader.ArmsAsync(name, ct);
                return arms.Count == 0
                    ? Problems.NotFound($"No recommendations were recorded under experiment '{name}'.")
                    : Results.Ok(ExperimentReport.From(name, arms));
            })
            .WithTags("Recommendations")
            .Produces<ExperimentReport>()
            .WithSummary("An experiment's arms: shown, viewed, contacted, hired, and the rates with 95% confidence intervals.");
        return app;
    }

    // The same names the ScoringWorker accepts in Recommendations:Experiments.
    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,63}$")]
    private static partial Regex NamePattern();
}

public sealed record ExperimentReport
{
    public required string Experiment { get; init; }
    public required double ConfidenceLevel { get; init; }
    public required IReadOnlyList<ExperimentArmReport> Arms { get; init; }

    public static ExperimentReport From(string experiment, IReadOnlyList<ExperimentArmCounts> arms) => new()
    {
        Experiment = experiment,
        ConfidenceLevel = 0.95,
        Arms = [.. arms.Select(a => new ExperimentArmReport
        {
            Arm = a.Arm,
            Shown = a.Shown,
            Viewed = a.Viewed,
            Contacted = a.Contacted,
            Hired = a.Hired,
            ViewRate = ExperimentRate.Wilson(a.Viewed, a.Shown),
            ContactRate = ExperimentRate.Wilson(a.Contacted, a.Shown),
            HireRate = ExperimentRate.Wilson(a.Hired, a.Shown),
            FirstShownAt = new DateTimeOffset(DateTime.SpecifyKind(a.FirstShownAt, DateTimeKind.Utc)),
            LastShownAt = new DateTimeOffset(DateTime.SpecifyKind(a.LastShownAt, DateTimeKind.Utc)),
        })],
    };
}

/// <summary>One arm; rates are of the recommendations shown.</summary>
public sealed record ExperimentArmReport
{
    public required string Arm { get; init; }
    public required long Shown { get; init; }
    public required long Viewed { get; init; }
    public required long Contacted { get; init; }
    public required long Hired { get; init; }
    public ExperimentRate? ViewRate { get; init; }
    public ExperimentRate? ContactRate { get; init; }
    public ExperimentRate? HireRate { get; init; }
    public DateTimeOffset FirstShownAt { get; init; }
    public DateTimeOffset LastShownAt { get; init; }
}
