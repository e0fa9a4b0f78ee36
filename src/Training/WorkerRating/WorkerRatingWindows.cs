using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>
/// The temporal split over the data's span [first completion, last review], cut in fifths of width W: the test
/// cut-off is end - W (its window the last W), validation's end - 2W (its window ends where test's begins), and
/// training cut-offs step back by W/2 from end - 3W while at least W/2 after the start, so every training window
/// ends at or before the validation cut-off and none overlaps a validation or test window. On the demo world's
/// 300 days W is about 60 days: training cut-offs near days 31, 61, 92 and 122, validation 182, test 243.
/// </summary>
public sealed record WorkerRatingWindows(TimeSpan Window, IReadOnlyList<DateTimeOffset> TrainCutOffs, DateTimeOffset ValidationCutOff, DateTimeOffset TestCutOff)
{
    public const int Fifths = 5;

    public static WorkerRatingWindows Over(IEnumerable<WorkerTimeline> timelines)
    {
        var jobs = timelines.SelectMany(t => t.Jobs).ToList();
        if (jobs.Count == 0)
            throw new ArgumentException("No completed jobs: no span to cut windows from.", nameof(timelines));
        var start = jobs.Min(j => j.CompletedAt);
        var end = jobs.Max(j => j.ReviewedAt is { } r && r > j.CompletedAt ? r : j.CompletedAt);
        return Over(start, end);
    }

    public static WorkerRatingWindows Over(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
            throw new ArgumentException("The span is empty.", nameof(end));
        var window = (end - start) / Fifths;
        var test = end - window;
        var validation = test - window;
        var train = new List<DateTimeOffset>();
        for (var t = validation - window; t >= start + window / 2; t -= window / 2)
            train.Add(t);
        train.Reverse();
        return new WorkerRatingWindows(window, train, validation, test);
    }

    public override string ToString() =>
        $"window {Window.TotalDays:F1} d; training cut-offs {string.Join(", ", TrainCutOffs.Select(Day))}; validation {Day(ValidationCutOff)}; test {Day(TestCutOff)}";

    private static string Day(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd");
}
