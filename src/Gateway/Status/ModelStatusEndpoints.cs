using System.Globalization;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Gateway.Predictions;
using iAyos.Messaging.Gateway.Training;
using iAyos.Messaging.Predictions.Models;
using MassTransit;
using Microsoft.AspNetCore.Mvc;

namespace iAyos.Messaging.Gateway.Status;

/// <summary>
/// The seed's status endpoints, one per kind: what an InferenceWorker serves for the kind (asked over the bus)
/// and the latest training run (read from PostgreSQL). A silent worker is reported, not an error.
/// </summary>
public static class ModelStatusEndpoints
{
    public static IEndpointRouteBuilder MapModelStatusEndpoints(this IEndpointRouteBuilder app)
    {
        var ml = app.MapGroup("/api/ml").WithTags("Status");
        foreach (var kind in app.ServiceProvider.GetRequiredService<ModelKindCatalog>().Predicted)
            ml.MapGet(kind.StatusRoute, (HttpRequest request) => StatusAsync(request.HttpContext, kind.Name))
                .WithSummary($"What serves {kind.Name} predictions now, and its latest training run.");
        // The query key is snake_case like every other; read as text so "abc" is a 400 naming it, not a binding failure.
        ml.MapGet("/dataset-stats", async (DatasetStatsReader reader, [FromQuery(Name = "min_samples")] string? minSamples, CancellationToken ct) =>
        {
            var min = 50;
            if (minSamples is not null && !(int.TryParse(minSamples, NumberStyles.None, CultureInfo.InvariantCulture, out min) && min >= 1))
                return Http.Problems.InvalidField("min_samples", "must be a positive integer.");
            return Results.Ok(await reader.ReadAsync(min, ct));
        })
            .WithSummary("What the completion-time and worker-rating models could be trained on now.");
        return app;
    }

    private static async Task<IResult> StatusAsync(HttpContext http, string kind)
    {
        var services = http.RequestServices;
        var client = services.GetRequiredService<IRequestClient<GetModelStatus>>();
        var runs = services.GetRequiredService<TrainingRunsReader>();
        var caller = services.GetRequiredService<InferenceCaller>();

        var latestRun = (await runs.LatestAsync(kind, 1, http.RequestAborted)).FirstOrDefault();
        var served = await caller.AskAsync<GetModelStatus, ModelStatus>(QueueNames.ModelStatus, client, new GetModelStatus { Kind = kind }) switch
        {
            InferenceOutcome<ModelStatus>.Answered answered => answered.Response,
            _ => null, // reported below as inference.available = false
        };

        return Results.Ok(new
        {
            kind,
            model_loaded = served?.ModelLoaded ?? false,
            active_version = served?.ActiveVersion,
            source = served?.Source ?? PredictionSources.GatewayFallback,
            inference = new
            {
                available = served is not null,
                instance_id = served?.InstanceId,
                last_reload_at = served?.LastReloadAt,
                categories_known = served?.CategoriesKnown,
            },
            latest_training_run = latestRun?.ToResponse(),
        });
    }
}
