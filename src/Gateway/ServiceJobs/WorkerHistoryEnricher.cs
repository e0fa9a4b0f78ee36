using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Gateway.Predictions;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.Predictions.Validation;
using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Gateway.ServiceJobs;

/// <summary>
/// Completion-time requests that name a worker get that worker's history as of their <c>posted_at</c> (else now)
/// from the read model, each named worker read once (the InferenceWorker has no database of its own for it). A
/// worker id the read model does not know is a 400.
/// </summary>
public sealed class WorkerHistoryEnricher(WorkerTimelineReader timelines, TimeProvider clock) : IPredictionRequestEnricher<PredictCompletionTime>
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public async Task<IReadOnlyList<Validated<PredictCompletionTime>>> EnrichAsync(IReadOnlyList<PredictCompletionTime> requests, CancellationToken ct)
    {
        var named = requests.Select(r => r.WorkerId).OfType<long>().ToList();
        var known = named.Count == 0 ? new Dictionary<long, WorkerTimeline>() : await timelines.ReadManyAsync(named, ct);
        var now = clock.GetUtcNow();
        return requests.Select(request => request.WorkerId switch
        {
            null => new Validated<PredictCompletionTime>(request, NoErrors),
            { } id when known.TryGetValue(id, out var timeline) =>
                new Validated<PredictCompletionTime>(request with { Worker = timeline.HistoryAsOf(request.PostedAt ?? now) }, NoErrors),
            { } id => new Validated<PredictCompletionTime>(null, new Dictionary<string, string[]> { ["worker_id"] = [$"no worker {id} is known."] }),
        }).ToList();
    }
}
