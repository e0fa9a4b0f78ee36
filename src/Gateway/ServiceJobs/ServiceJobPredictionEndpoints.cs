using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Predictions;
using iAyos.Messaging.Gateway.Security;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.WorkerRating;

namespace iAyos.Messaging.Gateway.ServiceJobs;

/// <summary>
/// The seed's predictions for things the marketplace already holds: a job by id (with its assigned worker's
/// history as of the job's start) and a worker's profile by id. The Gateway reads the read model and asks the
/// InferenceWorker exactly as the body routes do.
/// </summary>
public static class ServiceJobPredictionEndpoints
{
    public static IEndpointRouteBuilder MapServiceJobPredictions(this IEndpointRouteBuilder app)
    {
        var ml = app.MapGroup("/api/ml").WithTags("Predictions");
        ml.MapPost("/predict-for-job/{job_id}", async (string job_id, HttpContext http, ServiceJobReader jobs, WorkerTimelineReader workers, TimeProvider clock) =>
            {
                if (!PositiveId(job_id, out var jobId))
                    return Problems.InvalidField("job_id", "must be a positive integer.");
                var job = await jobs.ReadAsync(jobId, http.RequestAborted);
                if (job is null)
                    return Problems.NotFound($"No job {jobId} is known.");
                var timeline = job.WorkerId is { } workerId ? await workers.ReadAsync(workerId, http.RequestAborted) : null;
                // History as of the job's start: what was known when the work began, never the job itself or later ones.
                var asOf = job.StartedAt ?? clock.GetUtcNow();
                var request = CompletionTimeKind.Instance.Validate(new PredictCompletionTime
                {
                    CategoryId = job.CategoryId,
                    Category = job.Category,
                    Budget = job.Budget,
                    Urgency = job.Urgency,
                    Materials = job.Materials,
                    JobType = job.JobType,
                    WorkerId = job.WorkerId,
                    Worker = timeline?.HistoryAsOf(asOf),
                    PostedAt = job.PostedAt,
                });
                if (!request.IsValid)
                    return Problems.InvalidFields(request.Errors); // a stored job the model cannot take; names the field
                return await PredictionAnswer.AnswerAsync(CompletionTimeKind.Instance, request.Value!, http.RequestServices,
                    new Dictionary<string, object?>
                    {
                        ["job_id"] = job.Id,
                        ["worker_id"] = job.WorkerId,
                        ["job_status"] = job.Status,
                        ["actual_hours"] = job.Hours is { } hours ? Math.Round(hours, 2) : null,
                    });
            })
            .Produces<CompletionTimePrediction>()
            .ProducesValidationProblem()
            .RequireRateLimiting(GatewayRateLimiting.Predictions)
            .WithSummary("Hours an existing job will take, from its posting and its worker's history as of its start.");

        ml.MapGet("/worker-rating-for-profile/{id}", async (string id, HttpContext http, WorkerTimelineReader workers, TimeProvider clock) =>
            {
                if (!PositiveId(id, out var workerId))
                    return Problems.InvalidField("id", "must be a positive integer.");
                var timeline = await workers.ReadAsync(workerId, http.RequestAborted);
                if (timeline is null)
                    return Problems.NotFound($"No worker {workerId} is known.");
                var request = WorkerRatingKind.Instance.Validate(WorkerRatingRequests.AsOf(timeline, clock.GetUtcNow()));
                if (!request.IsValid)
                    return Problems.InvalidFields(request.Errors);
                return await PredictionAnswer.AnswerAsync(WorkerRatingKind.Instance, request.Value!, http.RequestServices,
                    new Dictionary<string, object?> { ["worker_id"] = workerId });
            })
            .Produces<WorkerRatingPrediction>()
            .ProducesValidationProblem()
            .RequireRateLimiting(GatewayRateLimiting.Predictions)
            .WithSummary("A worker's profile score from their profile and history in the read model.");
        return app;
    }

    private static bool PositiveId(string value, out long id) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id > 0;
}
