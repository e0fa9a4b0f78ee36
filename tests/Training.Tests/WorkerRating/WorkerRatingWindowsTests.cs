using iAyos.Messaging.Training.WorkerRating;

namespace iAyos.Messaging.Training.Tests.WorkerRating;

public class WorkerRatingWindowsTests
{
    [Fact]
    public void No_training_window_overlaps_the_validation_or_test_window()
    {
        var timelines = DemoWorld.Timelines(DemoWorld.World);
        var w = WorkerRatingWindows.Over(timelines);
        var end = timelines.SelectMany(t => t.Jobs).Max(j => j.ReviewedAt ?? j.CompletedAt);

        Assert.True(w.TrainCutOffs.Count >= 2);
        Assert.All(w.TrainCutOffs, t => Assert.True(t + w.Window <= w.ValidationCutOff));
        Assert.True(w.ValidationCutOff + w.Window <= w.TestCutOff);
        Assert.Equal(end, w.TestCutOff + w.Window);
        Assert.Equal(w.TrainCutOffs.Order(), w.TrainCutOffs);
    }

    [Fact]
    public void Each_partitions_targets_come_only_from_reviews_inside_its_own_window()
    {
        var timelines = DemoWorld.Timelines(DemoWorld.World);
        var w = WorkerRatingWindows.Over(timelines);
        var data = WorkerRatingDataset.FromTimelines(timelines, "demo");

        Assert.True(data.Train.Count > data.Validation.Count && data.Validation.Count > 50 && data.Test.Count > 50);
        // Recomputed by hand from the reviews inside (validation, validation + W]: the same targets as the dataset's.
        var expected = timelines.OrderBy(t => t.WorkerId)
            .Select(t => t.Jobs.Where(j => j.Rating is not null && j.ReviewedAt > w.ValidationCutOff && j.ReviewedAt <= w.ValidationCutOff + w.Window).ToList())
            .Where(js => js.Count > 0)
            .Select(js => js.Average(j => (j.Rating!.Value / 5.0 + j.Satisfaction!.Value / 100) / 2 * 100))
            .ToList();
        Assert.Equal(expected.Count, data.Validation.Count);
        Assert.All(expected.Zip(data.Validation), p => Assert.Equal(p.First, p.Second.Target, 9));
    }

    [Fact]
    public void A_span_too_short_to_split_is_refused()
    {
        var t = DateTimeOffset.UnixEpoch;
        Assert.Throws<ArgumentException>(() => WorkerRatingWindows.Over(t, t));
    }
}
