using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>
/// What the served worker-rating model predicts. With a cut-off T and a window W: the mean, over the worker's jobs
/// REVIEWED in (T, T+W], of (rating/5 + satisfaction/100)/2 x 100 (a review without satisfaction counts its rating
/// alone), i.e. the worker's next-window client outcome on the seed's 0-100 scale. Its inputs are only what is
/// known at T (<see cref="Predictions.WorkerRating.WorkerRatingRequests.AsOf"/>: the profile in effect at T, jobs
/// completed before T, reviews given before T), so no rating or satisfaction it averages is ever an input.
/// </summary>
public static class WorkerRatingTarget
{
    /// <summary>The seed's composite for one review (or a snapshot's averages): (rating/5 x 0.5 + satisfaction/100 x 0.5) x 100.</summary>
    public static double Composite(double rating, double? satisfaction) =>
        satisfaction is { } s ? (rating / 5 * 0.5 + s / 100 * 0.5) * 100 : rating / 5 * 100;

    /// <summary>The jobs whose reviews make the target: reviewed in (from, to].</summary>
    public static IReadOnlyList<WorkerJobFact> ReviewedIn(WorkerTimeline timeline, DateTimeOffset from, DateTimeOffset to) =>
        timeline.Jobs.Where(j => j.Rating is not null && j.ReviewedAt is { } at && at > from && at <= to).ToList();

    /// <summary>The target for a cut-off, or null when the worker had no review in the window (no outcome to learn).</summary>
    public static double? After(WorkerTimeline timeline, DateTimeOffset cutOff, TimeSpan window)
    {
        var reviewed = ReviewedIn(timeline, cutOff, cutOff + window);
        return reviewed.Count == 0 ? null : reviewed.Average(j => Composite(j.Rating!.Value, j.Satisfaction));
    }
}
