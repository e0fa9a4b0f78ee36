using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Gateway.Predictions;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Gateway.ServiceJobs;

/// <summary>
/// A completion-time request that names a worker gets that worker's history as of now from the read model
/// (the InferenceWorker has no database of its own for it). A worker id the read model does not know is a 400.
/// </summary>
public sealed class WorkerHistoryEnricher(WorkerTimelineReader timelines, TimeProvider clock) : IPredictionRequestEnricher<PredictCompletionTime>
{
    public async Task<Validated<PredictCompletionTime>> EnrichAsync(PredictCompletionTime request, CancellationToken ct)
    {
        if (request.WorkerId is not { } workerId)
            return new Validated<PredictCompletionTime>(request, new Dictionary<string, string[]>());
        var timeline = await timelines.ReadAsync(workerId, ct);
        if (timeline is null)
            return new Validated<PredictCompletionTime>(null, new Dictionary<string, string[]> { ["worker_id"] = [$"no worker {workerId} is known."] });
        return new Validated<PredictCompletionTime>(request with { Worker = timeline.HistoryAsOf(request.PostedAt ?? clock.GetUtcNow()) },
            new Dictionary<string, string[]>());
    }
}
