using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Gateway.Training;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Status;

/// <summary>
/// The seed's status endpoints: what an InferenceWorker serves for the kind (asked over the bus) and the
/// latest training run (read from PostgreSQL). A silent worker is reported, not an error.
/// </summary>
public static class ModelStatusEndpoints
{
    public static IEndpointRouteBuilder MapModelStatusEndpoints(this IEndpointRouteBuilder app)
    {
        var ml = app.MapGroup("/api/ml").WithTags("Status");
        ml.MapGet("/price-model-status", (HttpRequest request) => StatusAsync(request.HttpContext, ModelKinds.PriceBudget));
        ml.MapGet("/model-status", (HttpRequest request) => StatusAsync(request.HttpContext, ModelKinds.CompletionTime));
        ml.MapGet("/worker-rating-model-status", (HttpRequest request) => StatusAsync(request.HttpContext, ModelKinds.WorkerRating));
        ml.MapGet("/dataset-stats", async (DatasetStatsReader reader, int? minSamples, CancellationToken ct) =>
            minSamples is < 1
                ? Http.Problems.InvalidField("min_samples", "must be a positive integer.")
                : Results.Ok(await reader.ReadAsync(minSamples ?? 50, ct)))
            .WithSummary("What the completion-time model could be trained on now.");
        return app;
    }

    private static async Task<IResult> StatusAsync(HttpContext http, string kind)
    {
        var services = http.RequestServices;
        var client = services.GetRequiredService<IRequestClient<GetModelStatus>>();
        var runs = services.GetRequiredService<TrainingRunsReader>();
        var timeoutMs = services.GetRequiredService<IOptions<GatewayOptions>>().Value.InferenceTimeoutMs;

        var latestRun = (await runs.LatestAsync(kind, 1, http.RequestAborted)).FirstOrDefault();
        ModelStatus? served = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(timeoutMs);
        try
        {
            served = (await client.GetResponse<ModelStatus>(new GetModelStatus { Kind = kind }, deadline.Token, RequestTimeout.After(ms: timeoutMs))).Message;
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested && ex is RequestTimeoutException or OperationCanceledException or MassTransitException)
        {
            // Reported below as inference.available = false.
        }

        return Results.Ok(new
        {
            kind,
            model_loaded = served?.ModelLoaded ?? false,
            active_version = served?.ActiveVersion,
            source = served?.Source ?? Contracts.Predictions.PredictionSources.GatewayFallback,
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
