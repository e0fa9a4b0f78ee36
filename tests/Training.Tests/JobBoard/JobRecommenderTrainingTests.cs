using Xunit.Abstractions;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Training.Tests.JobBoard;

/// <summary>One short training run on the planted board, shared by the tests that read its result.</summary>
public sealed class PlantedBoardRun
{
    public PlantedBoardRun()
    {
        Board = PlantedJobBoard.Build();
        Options = new JobRecommenderTrainingOptions { Epochs = 8, Patience = 3, BatchSizes = [128, 256], WeightDecays = [0], MfEmbeddingDecays = [0], RankingRandomCandidates = 30 };
        Result = JobRecommenderTraining.Run(Board.Snapshot, Options, truth: Board.Truth);
    }

    internal PlantedJobBoard.Board Board { get; }
    public JobRecommenderTrainingOptions Options { get; }
    public JobRecommenderTrainingResult Result { get; }
}

public sealed class JobRecommenderTrainingTests(PlantedBoardRun run, ITestOutputHelper output) : IClassFixture<PlantedBoardRun>
{
    [Fact]
    public void The_report_measures_every_model_on_the_same_test_rows_and_lists()
    {
        var report = run.Result.Report;
        Assert.Equal([JobRecommenderTraining.ConvFm, JobRecommenderTraining.MatrixFactorization, JobRecommenderTraining.Popularity,
            JobRecommenderTraining.Content, JobRecommenderTraining.RandomScore, JobRecommenderTraining.BestAchievable], report.Models.Select(m => m.Name));
        Assert.All(report.Models, m => Assert.Equal(report.RankingUsers, m.Ranking.Users));
        Assert.True(report.RankingUsers > 0);
        Assert.Equal(report.Fit.Total, report.Fit.Applied + report.Fit.Shown + report.Fit.Random);
        Assert.InRange(report.Fit.Random + report.Validation.Random + report.Test.Random, 1, report.Fit.Applied + report.Validation.Applied + report.Test.Applied);
        var table = report.ToTable();
        output.WriteLine(table);
        foreach (var m in report.Models) Assert.Contains(m.Name, table);
    }

    [Fact]
    public void The_shipped_settings_are_the_candidate_with_the_best_validation_auc()
    {
        var report = run.Result.Report;
        var convFm = report.Candidates.Where(c => c.Model == JobRecommenderTraining.ConvFm).ToList();
        Assert.Equal(run.Options.BatchSizes.Count, convFm.Count);
        Assert.Equal(convFm.Max(c => c.ValidationAuc), report.Selected.ValidationAuc);
        Assert.Equal(report.Selected.ValidationAuc, report.Model(JobRecommenderTraining.ConvFm).ValidationAuc, 6);
        Assert.InRange(report.Selected.BestEpoch, 1, report.Selected.EpochsRun);
    }

    [Fact]
    public void The_network_beats_popularity_and_random_and_the_truth_bounds_it()
    {
        var report = run.Result.Report;
        var (convFm, popularity, random, truth) = (report.Model(JobRecommenderTraining.ConvFm), report.Model(JobRecommenderTraining.Popularity),
            report.Model(JobRecommenderTraining.RandomScore), report.Model(JobRecommenderTraining.BestAchievable));
        Assert.True(convFm.Test.Auc > popularity.Test.Auc + 0.05, $"ConvFM AUC {convFm.Test.Auc:F3}, popularity {popularity.Test.Auc:F3}");
        Assert.True(convFm.Ranking.NdcgAtK > popularity.Ranking.NdcgAtK, $"ConvFM NDCG {convFm.Ranking.NdcgAtK:F3}, popularity {popularity.Ranking.NdcgAtK:F3}");
        Assert.InRange(random.Test.Auc, 0.4, 0.6);
        Assert.True(truth.Test.Auc > 0.8, $"the planted truth's AUC {truth.Test.Auc:F3}");
        Assert.True(convFm.Test.Auc <= truth.Test.Auc + 0.02, $"ConvFM AUC {convFm.Test.Auc:F3} beyond the truth's {truth.Test.Auc:F3}");
    }

    [Fact]
    public void Ranking_lists_hold_the_users_test_applications_shown_jobs_and_untouched_random_jobs()
    {
        var data = JobRecommenderDataset.Build(run.Board.Snapshot, run.Options.Dataset);
        var cases = RankingCases.Build(data, data.Test, run.Options.RankingRandomCandidates, run.Options.Seed);
        var testApplications = data.Test.Where(e => e.Applied).Select(e => (e.UserId, e.JobId)).ToHashSet();

        Assert.Equal(data.Test.Where(e => e.Applied).Select(e => e.UserId).Distinct().Count(), cases.Cases.Count);
        foreach (var c in cases.Cases)
        {
            Assert.Equal(c.JobIds.Count, c.JobIds.Distinct().Count());
            Assert.InRange(c.Random, 1, run.Options.RankingRandomCandidates);
            for (var i = 0; i < c.JobIds.Count; i++)
            {
                Assert.Equal(testApplications.Contains((c.UserId, c.JobIds[i])), c.Relevant[i]);
                if (!c.Relevant[i] && !data.Test.Any(e => e.UserId == c.UserId && e.JobId == c.JobIds[i]))
                    Assert.False(data.HasInteracted(c.UserId, c.JobIds[i]));
            }
        }
    }
}
