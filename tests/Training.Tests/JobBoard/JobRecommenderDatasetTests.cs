using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Training.Tests.JobBoard;

public sealed class JobRecommenderDatasetTests
{
    private static readonly DateTimeOffset T0 = PlantedJobBoard.Start;

    [Fact]
    public void Each_pair_is_one_example_timed_by_its_first_interaction_and_positive_if_ever_applied()
    {
        var snapshot = Snapshot(
            (1, 10, InteractionKinds.Viewed, 1), (1, 10, InteractionKinds.Viewed, 2), (1, 10, InteractionKinds.Applied, 3),
            (1, 11, InteractionKinds.Viewed, 4), (1, 11, InteractionKinds.Viewed, 5), (2, 10, InteractionKinds.Dismissed, 6));
        var data = JobRecommenderDataset.Build(snapshot, new JobRecommenderDatasetOptions { RandomNegativesPerPositive = 0, TestShare = 0.34, ValidationShare = 0 });
        var all = data.Training.Concat(data.Test).ToList();

        Assert.Equal(3, all.Count);
        var applied = Assert.Single(all, e => e.UserId == 1 && e.JobId == 10);
        Assert.Equal(ExampleSource.Applied, applied.Source);
        Assert.Equal(T0.AddHours(1), applied.Time);
        Assert.Equal(ExampleSource.Shown, Assert.Single(all, e => e.UserId == 1 && e.JobId == 11).Source);
        Assert.Equal(ExampleSource.Shown, Assert.Single(all, e => e.UserId == 2).Source);
    }

    [Fact]
    public void Shown_negatives_can_be_left_out()
    {
        var snapshot = Snapshot((1, 10, InteractionKinds.Viewed, 1), (1, 11, InteractionKinds.Applied, 2), (2, 10, InteractionKinds.Applied, 3));
        var data = JobRecommenderDataset.Build(snapshot, new JobRecommenderDatasetOptions { ShownNegatives = false, RandomNegativesPerPositive = 0, TestShare = 0.5, ValidationShare = 0 });
        Assert.All(data.Training.Concat(data.Test), e => Assert.Equal(ExampleSource.Applied, e.Source));
    }

    [Fact]
    public void Random_negatives_are_open_jobs_the_user_never_touched_at_the_applications_time()
    {
        var board = PlantedJobBoard.Build();
        var data = JobRecommenderDataset.Build(board.Snapshot, new JobRecommenderDatasetOptions { RandomNegativesPerPositive = 2 });
        var all = data.Training.Concat(data.Test).ToList();
        var counts = JobRecommenderDataset.Count(all);
        var randoms = all.Where(e => e.Source == ExampleSource.Random).ToList();

        // Two per application, except the rare one made when nearly every open job was already the user's.
        Assert.InRange(counts.Random, (int)(1.9 * counts.Applied), 2 * counts.Applied);
        Assert.All(randoms, e =>
        {
            Assert.False(data.HasInteracted(e.UserId, e.JobId));
            var job = data.Jobs[e.JobId];
            Assert.True(job.ListedAt <= e.Time && (job.ClosedAt is null || job.ClosedAt > e.Time), $"job {e.JobId} was not open at {e.Time}");
        });
        Assert.Equal(all.Count, all.Select(e => (e.UserId, e.JobId)).Distinct().Count());
        // Seeded: the same snapshot and seed draw the same negatives.
        var again = JobRecommenderDataset.Build(board.Snapshot, new JobRecommenderDatasetOptions { RandomNegativesPerPositive = 2 });
        Assert.Equal(randoms, again.Training.Concat(again.Test).Where(e => e.Source == ExampleSource.Random));
    }

    [Fact]
    public void The_split_puts_every_test_example_after_every_training_one_and_validation_after_fit()
    {
        var data = JobRecommenderDataset.Build(PlantedJobBoard.Build().Snapshot);
        var total = data.Fit.Count + data.Validation.Count + data.Test.Count;

        Assert.True(data.Training.Max(e => e.Time) < data.Test.Min(e => e.Time));
        Assert.True(data.Fit.Max(e => e.Time) < data.Validation.Min(e => e.Time));
        Assert.InRange(data.Test.Count, (int)(0.19 * total), (int)(0.21 * total));
        Assert.InRange(data.Validation.Count, (int)(0.07 * total), (int)(0.09 * total));
    }

    [Fact]
    public void A_cut_never_splits_examples_of_the_same_time()
    {
        JobRecommenderExample At(int hour, long job) => new(1, job, T0.AddHours(hour), ExampleSource.Shown);
        // A 50% cut would fall between the two examples at hour 2; it moves past them.
        var (fit, validation, test) = JobRecommenderDataset.Cut([At(1, 1), At(2, 2), At(2, 3), At(3, 4)], 0.5, 0);
        Assert.Equal(3, fit.Count);
        Assert.Empty(validation);
        Assert.Equal([4L], test.Select(e => e.JobId));
    }

    [Fact]
    public void The_spec_knows_only_the_training_part_and_maps_the_rest_to_unknown()
    {
        var data = JobRecommenderDataset.Build(PlantedJobBoard.Build().Snapshot);
        var spec = JobRecommenderSpecFitter.Fit(data.Training, data.Jobs);
        var trainingUsers = data.Training.Select(e => e.UserId).ToHashSet();
        var trainingJobs = data.Training.Select(e => e.JobId).ToHashSet();

        Assert.Equal(trainingUsers.Order(), spec.UserIds.Order());
        Assert.Equal(trainingJobs.Order(), spec.JobIds.Order());
        var newJobs = data.Test.Where(e => !trainingJobs.Contains(e.JobId)).ToList();
        Assert.NotEmpty(newJobs); // jobs listed late appear only in the test part
        var rows = new JobRecommenderEncoder(spec, data.Jobs).Inputs([.. newJobs.Select(e => (e.UserId, e.JobId))]);
        Assert.All(rows.Jobs, j => Assert.Equal(JobRecommenderSpec.Unknown, j));
        var unknownUser = new JobRecommenderEncoder(spec, data.Jobs).Inputs([(999_999, data.Test[0].JobId)]);
        Assert.Equal(JobRecommenderSpec.Unknown, unknownUser.Users[0]);
        Assert.Equal(JobRecommenderSpec.Unknown, spec.LocationIndex("atlantis"));
        Assert.Equal(JobRecommenderSpec.Unknown, spec.CompanyIndex("Nobody Inc"));
        Assert.NotEqual(JobRecommenderSpec.Unknown, spec.SkillIndex("python"));
        Assert.Equal(spec.Skills.Count, spec.SkillIdf.Count);
    }

    private static JobBoardSnapshot Snapshot(params (long User, long Job, string Kind, int Hour)[] interactions)
    {
        var jobs = interactions.Select(i => i.Job).Distinct()
            .Select(j => new JobRecord(new JobFacts(j, "Developer", "python", "Acme", "Cebu", ["python"], null, null, JobTypes.FullTime, ExperienceLevels.Mid), T0, null))
            .ToList();
        var users = interactions.Select(i => i.User).Distinct().Select(u => new UserFacts(u, ["python"], "Cebu", null, null)).ToList();
        return new JobBoardSnapshot(jobs, users, [.. interactions.Select(i => new InteractionRecord(i.User, i.Job, i.Kind, T0.AddHours(i.Hour)))]);
    }
}
