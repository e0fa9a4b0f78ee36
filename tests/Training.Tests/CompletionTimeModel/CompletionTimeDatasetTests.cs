using iAyos.Messaging.Cli.DemoData;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Training.CompletionTimeModel;

namespace iAyos.Messaging.Training.Tests.CompletionTimeModel;

public class CompletionTimeDatasetTests
{
    private static readonly ServiceJobWorld World = DemoWorld.Generate(jobs: 400, workers: 20, seed: 5);

    [Fact]
    public void The_split_is_chronological_by_start_time_70_15_15()
    {
        var data = CompletionTimeDemo.Data;
        var total = data.Train.Count + data.Validation.Count + data.Test.Count;

        Assert.Equal(Math.Round(total * 0.70), data.Train.Count);
        Assert.Equal(Math.Round(total * 0.15), data.Validation.Count);
        Assert.True(data.Train.Max(r => r.StartedAt) <= data.Validation.Min(r => r.StartedAt));
        Assert.True(data.Validation.Max(r => r.StartedAt) <= data.Test.Min(r => r.StartedAt));
        Assert.Equal(DemoWorld.World.Jobs.Count(j => j.Job.IsCompleted && j.Job.StartedAt is not null), total);
    }

    [Fact]
    public void Targets_are_log1p_of_hours_clipped_to_half_an_hour_and_30_days()
    {
        Assert.All(CompletionTimeDemo.Data.Train, r =>
        {
            Assert.InRange(r.Hours, CompletionTimeFallbackEstimator.MinHours, CompletionTimeFallbackEstimator.MaxHours);
            Assert.Equal(Math.Clamp(r.Job.Hours!.Value, 0.5, 720), r.Hours);
            Assert.Equal(Math.Log(1 + r.Hours), r.LogTarget);
        });
    }

    [Fact]
    public void A_workers_history_features_never_see_a_job_completed_after_the_jobs_start()
    {
        var (row, spec) = ARowWithHistory();
        var worker = row.Job.WorkerId!.Value;
        var before = Features(World, row.Job.Id, spec);

        // A job for the same worker that completes the moment after this one starts, reviewed 5 stars at once.
        var later = Planted(worker, row.StartedAt.AddHours(-1), row.StartedAt.AddSeconds(1));
        var afterStart = Features(World with { Jobs = [.. World.Jobs, later] }, row.Job.Id, spec);
        Assert.Equal(before, afterStart);

        // The same job completed just before the start does count: the check above could have failed.
        var earlier = Planted(worker, row.StartedAt.AddHours(-1), row.StartedAt.AddSeconds(-1));
        var beforeStart = Features(World with { Jobs = [.. World.Jobs, earlier] }, row.Job.Id, spec);
        Assert.NotEqual(before, beforeStart);
        Assert.Equal(before[37] + 0.01f, beforeStart[37], 5); // one more completed job / 100
    }

    private static (CompletionTimeTrainingRow Row, CompletionTimeFeatureSpec Spec) ARowWithHistory()
    {
        var data = CompletionTimeDataset.FromJobs(World.Jobs.Select(j => j.Job), World.Timelines(DemoWorld.CategoryHours));
        var spec = CompletionTimeFeatureFitter.Fit(CompletionTimeFeatureConfigurations.Served, data.Train);
        return (data.Validation.First(r => r.Request.Worker is { CompletedJobs: > 2, PacedJobs: > 2 }), spec);
    }

    private static float[] Features(ServiceJobWorld world, long jobId, CompletionTimeFeatureSpec spec)
    {
        var data = CompletionTimeDataset.FromJobs(world.Jobs.Select(j => j.Job), world.Timelines(DemoWorld.CategoryHours));
        var row = data.Train.Concat(data.Validation).Concat(data.Test).Single(r => r.Job.Id == jobId);
        return CompletionTimeModelTraining.Tensors([row], spec).X.Data;
    }

    private static DemoServiceJob Planted(long worker, DateTimeOffset started, DateTimeOffset completed) => new(
        new Predictions.Workers.ServiceJob(999_999, 1, "Plumbing", 90_000m, "HIGH", "EXPERT", [], "LISTING", started.AddDays(-1), worker,
            started, completed, null, 5, 100, completed),
        "planted", "planted", started.AddDays(-1), null);
}
