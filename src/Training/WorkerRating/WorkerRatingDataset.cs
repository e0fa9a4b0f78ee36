using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>
/// Rows to train (fit), validate (select, calibrate the interval) and test (report) a worker-rating model on.
/// <see cref="HasHistory"/>: the rows carry a history before the cut-off (the read model); the freelancer CSV's do not.
/// </summary>
public sealed record WorkerRatingDataset(
    IReadOnlyList<WorkerRatingRow> Train,
    IReadOnlyList<WorkerRatingRow> Validation,
    IReadOnlyList<WorkerRatingRow> Test,
    string Source,
    string Split,
    bool HasHistory,
    FreelancerRatingCsvReport? Cleaning)
{
    /// <summary>Rows from worker timelines at the cut-offs of <see cref="WorkerRatingWindows"/>: a worker gives a row at a
    /// cut-off when a profile was in effect then and a review came in the window after it.</summary>
    public static WorkerRatingDataset FromTimelines(IReadOnlyCollection<WorkerTimeline> timelines, string source)
    {
        var windows = WorkerRatingWindows.Over(timelines);
        return new WorkerRatingDataset(
            windows.TrainCutOffs.SelectMany(t => RowsAt(timelines, t, windows.Window)).ToList(),
            RowsAt(timelines, windows.ValidationCutOff, windows.Window),
            RowsAt(timelines, windows.TestCutOff, windows.Window),
            source, windows.ToString(), HasHistory: true, Cleaning: null);
    }

    public static IReadOnlyList<WorkerRatingRow> RowsAt(IEnumerable<WorkerTimeline> timelines, DateTimeOffset cutOff, TimeSpan window)
    {
        var rows = new List<WorkerRatingRow>();
        foreach (var timeline in timelines.OrderBy(t => t.WorkerId))
        {
            if (timeline.ProfileAsOf(cutOff) is null || WorkerRatingTarget.After(timeline, cutOff, window) is not { } target) continue;
            var inputs = WorkerRatingRequests.AsOf(timeline, cutOff);
            rows.Add(new WorkerRatingRow($"worker {timeline.WorkerId} at {cutOff:yyyy-MM-dd}", inputs, inputs, target));
        }
        return rows;
    }

    public static WorkerRatingDataset FromCsv(string csvPath, string? splitPath, int seed)
    {
        var result = FreelancerRatingCsv.ReadFile(csvPath, splitPath, seed);
        return new WorkerRatingDataset(result.Rows.Train, result.Rows.Validation, result.Rows.Test, Path.GetFileName(csvPath), result.Split,
            HasHistory: false, result.Report);
    }
}
