using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Predictions.Workers;
using iAyos.Messaging.Training.WorkerRating;

namespace iAyos.Messaging.Training.Tests.WorkerRating;

/// <summary>The served model's inputs never hold its target's components.</summary>
public class WorkerRatingLeakageTests
{
    [Fact]
    public void The_served_input_lists_exclude_the_snapshot_targets_components_which_the_seeds_list_holds()
    {
        foreach (var names in new[] { WorkerRatingFeatures.ProfileNames, WorkerRatingFeatures.ProfileAndPastNames })
            Assert.Empty(names.Intersect(WorkerRatingFeatures.SnapshotTargetComponents));
        Assert.Equal(WorkerRatingFeatures.SnapshotTargetComponents, WorkerRatingFeatures.SeedNames.Intersect(WorkerRatingFeatures.SnapshotTargetComponents));
    }

    [Fact]
    public void Changing_the_reviews_after_the_cut_off_changes_the_target_and_not_one_input()
    {
        var timelines = DemoWorld.Timelines(DemoWorld.World);
        var windows = WorkerRatingWindows.Over(timelines);
        var cutOff = windows.ValidationCutOff;
        var rows = WorkerRatingDataset.RowsAt(timelines, cutOff, windows.Window);
        // Every review given after the cut-off turned upside down, including a job finished before it but reviewed after.
        var flipped = timelines.Select(t => new WorkerTimeline(t.WorkerId, t.Profiles, t.Jobs.Select(j =>
            j.ReviewedAt > cutOff ? j with { Rating = 6 - j.Rating, Satisfaction = 100 - j.Satisfaction } : j))).ToList();
        Assert.Contains(timelines.SelectMany(t => t.Jobs), j => j.CompletedAt < cutOff && j.ReviewedAt > cutOff);
        var flippedRows = WorkerRatingDataset.RowsAt(flipped, cutOff, windows.Window);

        Assert.True(rows.Count > 20);
        Assert.Equal(rows.Select(r => r.Key), flippedRows.Select(r => r.Key));
        var targetsChanged = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (Math.Abs(rows[i].Target - flippedRows[i].Target) > 1e-9) targetsChanged++;
            Assert.Equal(rows[i].Inputs, flippedRows[i].Inputs);
            Assert.Equal(WorkerRatingFeatures.Extract(rows[i].Inputs, WorkerRatingFeatures.ProfileAndPastNames),
                WorkerRatingFeatures.Extract(flippedRows[i].Inputs, WorkerRatingFeatures.ProfileAndPastNames));
        }
        Assert.True(targetsChanged > rows.Count / 2, $"{targetsChanged} of {rows.Count} targets changed");
    }

    [Fact]
    public void Changing_a_review_before_the_cut_off_changes_the_inputs_so_the_check_above_could_fail()
    {
        var timelines = DemoWorld.Timelines(DemoWorld.World);
        var windows = WorkerRatingWindows.Over(timelines);
        var cutOff = windows.ValidationCutOff;
        var earlier = timelines.Select(t => new WorkerTimeline(t.WorkerId, t.Profiles, t.Jobs.Select(j =>
            j.ReviewedAt < cutOff ? j with { Rating = 6 - j.Rating } : j))).ToList();

        var before = WorkerRatingDataset.RowsAt(timelines, cutOff, windows.Window);
        var after = WorkerRatingDataset.RowsAt(earlier, cutOff, windows.Window);

        Assert.Contains(before.Zip(after), p => p.First.Inputs.AverageRating != p.Second.Inputs.AverageRating);
        Assert.All(before.Zip(after), p => Assert.Equal(p.First.Target, p.Second.Target));
    }
}
