using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>
/// Completed jobs split chronologically by start time: the earliest 70% train, the next 15% validate, the latest
/// 15% test, so every measurement is of jobs that started after everything the model learned from.
/// </summary>
public sealed record CompletionTimeDataset(
    IReadOnlyList<CompletionTimeTrainingRow> Train,
    IReadOnlyList<CompletionTimeTrainingRow> Validation,
    IReadOnlyList<CompletionTimeTrainingRow> Test,
    int SkippedJobs)
{
    public const double TrainShare = 0.70, ValidationShare = 0.15;

    public string Split => "chronological 70/15/15 by started_at";

    public static CompletionTimeDataset FromJobs(IEnumerable<ServiceJob> jobs, IReadOnlyDictionary<long, WorkerTimeline> timelines)
    {
        var all = jobs.ToList();
        var rows = all.Select(j => CompletionTimeTrainingRow.From(j, timelines)).OfType<CompletionTimeTrainingRow>()
            .OrderBy(r => r.StartedAt).ThenBy(r => r.Job.Id).ToList();
        var train = (int)Math.Round(rows.Count * TrainShare);
        var validation = (int)Math.Round(rows.Count * ValidationShare);
        return new CompletionTimeDataset(rows[..train], rows[train..(train + validation)], rows[(train + validation)..], all.Count - rows.Count);
    }
}
