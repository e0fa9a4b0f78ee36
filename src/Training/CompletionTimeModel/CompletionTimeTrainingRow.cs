using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>
/// One completed job as a training row: the request the Gateway would have sent at the job's start (the worker's
/// history as of that moment, never later), and its duration clipped to the seed's 0.5-720 h.
/// </summary>
public sealed record CompletionTimeTrainingRow(ServiceJob Job, PredictCompletionTime Request, DateTimeOffset StartedAt, double Hours)
{
    /// <summary>The target: log1p of the clipped hours.</summary>
    public double LogTarget => Math.Log(1 + Hours);

    /// <summary>A completed job with both timestamps as a row, or null; <paramref name="timelines"/> by worker id.</summary>
    public static CompletionTimeTrainingRow? From(ServiceJob job, IReadOnlyDictionary<long, WorkerTimeline> timelines)
    {
        if (!job.IsCompleted || job.StartedAt is not { } started || job.Hours is not { } hours || hours <= 0)
            return null;
        var worker = job.WorkerId is { } id && timelines.TryGetValue(id, out var timeline) ? timeline.HistoryAsOf(started) : null;
        var request = new PredictCompletionTime
        {
            CategoryId = job.CategoryId,
            Category = job.Category,
            Budget = job.Budget,
            Urgency = job.Urgency,
            Materials = job.Materials,
            JobType = job.JobType,
            WorkerId = job.WorkerId,
            Worker = worker,
            PostedAt = job.PostedAt,
        };
        return new CompletionTimeTrainingRow(job, request, started,
            Math.Clamp(hours, CompletionTimeFallbackEstimator.MinHours, CompletionTimeFallbackEstimator.MaxHours));
    }
}
