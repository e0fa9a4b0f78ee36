using System.Globalization;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Resilience;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Training;
using iAyos.Messaging.Gateway.Security;
using iAyos.Messaging.Platform.Security;
using iAyos.Messaging.Predictions.Models;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Training;

/// <summary>Training and reload are commands: the Gateway sends them and answers 202 with where to look.</summary>
public static class TrainingEndpoints
{
    public static IEndpointRouteBuilder MapTrainingEndpoints(this IEndpointRouteBuilder app)
    {
        var ml = app.MapGroup("/api/ml").WithTags("Training");

        var kinds = app.ServiceProvider.GetRequiredService<ModelKindCatalog>();
        ml.MapPost("/train", (HttpRequest request) => SendTrainAsync(request.HttpContext, fixedKind: null))
            .Accepts<TrainRequest>("application/json")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .RequireAdmin()
            .WithSummary($"Train a model; kind defaults to {kinds.Default?.Name}.");
        foreach (var kind in kinds.All.Where(k => k.TrainRoute is not null))
            ml.MapPost(kind.TrainRoute!, (HttpRequest request) => SendTrainAsync(request.HttpContext, kind.Name))
                .Accepts<TrainRequest>("application/json")
                .Produces(StatusCodes.Status202Accepted)
                .ProducesValidationProblem()
                .RequireAdmin()
                .WithSummary($"Train a {kind.Name} model.");

        // limit is read as text: a bound int? turns "abc" into a bare 400 (or, in Development, a 500).
        ml.MapGet("/training-runs", async (string? kind, string? limit, TrainingRunsReader runs, CancellationToken ct) =>
        {
            if (kind is not null && !kinds.IsKnown(kind))
                return Problems.InvalidField("kind", $"'{kind}' is not a model kind; {kinds.MustBeOneOf()}");
            var take = 50;
            if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) && take is >= 1 and <= 500))
                return Problems.InvalidField("limit", "must be an integer between 1 and 500.");
            var rows = await runs.LatestAsync(kind, take, ct);
            return Results.Ok(rows.Select(r => r.ToResponse()));
        }).WithSummary("Recent training runs, newest first.");

        ml.MapGet("/training-runs/{id}", async (string id, TrainingRunsReader runs, CancellationToken ct) =>
        {
            if (!Guid.TryParse(id, out var runId))
                return Problems.InvalidField("id", "must be a UUID.");
            var run = await runs.FindAsync(runId, ct);
            return run is null ? Problems.NotFound($"No training run {runId}.") : Results.Ok(run.ToResponse());
        }).WithSummary("One training run.");

        ml.MapPost("/reload-model", async (IPublishEndpoint bus, IOptions<GatewayOptions> options) =>
        {
            var command = new ReloadModels { RequestId = NewId.NextGuid(), RequestedAt = DateTimeOffset.UtcNow };
            try
            {
                // Bounded from outside: cancelling a publish half-way can break the AMQP channel.
                await bus.Publish(command).WaitAsync(TimeSpan.FromMilliseconds(options.Value.CommandTimeoutMs));
            }
            catch (Exception ex) when (ex is TimeoutException or MassTransitException)
            {
                return Problems.BusUnavailable($"Could not publish the reload command; the broker did not confirm it.");
            }
            return Results.Accepted(value: new { request_id = command.RequestId, status = "published" });
        }).RequireAdmin().WithSummary("Every InferenceWorker instance re-reads what it serves.");

        return app;
    }

    private static async Task<IResult> SendTrainAsync(HttpContext http, string? fixedKind)
    {
        var services = http.RequestServices;
        var options = services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var body = await JsonBody.ReadAsync(http.Request, allowEmpty: true, empty: new TrainRequest());
        if (body.Problem is not null)
            return body.Problem;

        var kinds = services.GetRequiredService<ModelKindCatalog>();
        if (kinds.Find(fixedKind ?? body.Value!.Kind ?? kinds.Default?.Name) is not { Name: var kind })
            return Problems.InvalidField("kind", kinds.MustBeOneOf());
        var parameters = body.Value!.Validate();
        if (!parameters.IsValid)
            return Problems.InvalidFields(parameters.Errors);

        var command = new TrainModel
        {
            RunId = NewId.NextGuid(),
            Kind = kind,
            Parameters = parameters.Value!,
            RequestedBy = http.User.FindFirst(AccessTokens.SubjectClaim)?.Value ?? "api",
            RequestedAt = DateTimeOffset.UtcNow,
        };
        var logger = services.GetRequiredService<ILogger<QueuedTrainingRuns>>();
        // Durable before acknowledged: a 202 means the run is in PostgreSQL, where any TrainingWorker's runner finds it.
        try
        {
            await services.GetRequiredService<QueuedTrainingRuns>().RecordAsync(command, http.RequestAborted);
        }
        catch (Exception ex) when (TransientFailures.IsTransient(ex))
        {
            logger.LogWarning(ex, "Could not record training run {RunId}", command.RunId);
            return Problems.Unavailable("The training run could not be recorded.",
                "The database is unavailable, so the run was not queued; try again shortly.", DependencyFailures.RetryAfter, "database_unavailable");
        }

        // The command only wakes a worker at once; if the broker is down, a worker's next poll finds the run.
        try
        {
            var endpoint = await services.GetRequiredService<ISendEndpointProvider>().GetSendEndpoint(QueueNames.Address(QueueNames.TrainingCommands));
            await endpoint.Send(command).WaitAsync(TimeSpan.FromMilliseconds(options.CommandTimeoutMs));
        }
        catch (Exception ex) when (ex is TimeoutException or MassTransitException)
        {
            logger.LogWarning(
                "Training run {RunId} is queued in the database, but its command was not sent ({Error}); a TrainingWorker's poll will find it",
                command.RunId, ex.GetType().Name);
        }
        return Results.Accepted($"/api/ml/training-runs/{command.RunId}",
            new { run_id = command.RunId, kind, status = "queued", status_url = $"/api/ml/training-runs/{command.RunId}" });
    }
}
