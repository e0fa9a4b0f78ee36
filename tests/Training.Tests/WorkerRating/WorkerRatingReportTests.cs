using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Training.WorkerRating;
using iAyos.Messaging.Training.Tests.PriceModel;
using Xunit.Abstractions;

namespace iAyos.Messaging.Training.Tests.WorkerRating;

/// <summary>The issue's tables (demo world and freelancer CSV; test rows), printed to the test output, and what they must show.</summary>
public class WorkerRatingReportTests(ITestOutputHelper output)
{
    /// <summary>E[(rating/5 + satisfaction/100)/2 x 100 | q] under the generator's review model, by quadrature over its two noises.</summary>
    private static double PlantedExpectedScore(double q)
    {
        double rating = 0, satisfaction = 0, weight = 0;
        for (var i = -400; i <= 400; i++)
        {
            var e = i / 100.0;
            var w = Math.Exp(-e * e / 2);
            rating += w * Math.Clamp((int)Math.Round(3.6 + 0.7 * q + 0.7 * e), 1, 5);
            satisfaction += w * Math.Round(Math.Clamp(72 + 12 * q + 10 * e, 0, 100));
            weight += w;
        }
        return (rating / weight / 5 + satisfaction / weight / 100) / 2 * 100;
    }

    [Fact]
    public void On_the_demo_world_the_served_model_beats_the_seed_configuration_the_mean_and_the_heuristic_and_no_model_beats_the_planted_best()
    {
        var data = WorkerRatingDataset.FromTimelines(DemoWorld.Timelines(DemoWorld.World), "demo world seed 42");
        var seed = Train(data, WorkerRatingConfigurations.Seed);
        var served = Train(data, WorkerRatingConfigurations.Served);
        // The planted best achievable: each test worker's expected review composite given its latent quality.
        var quality = DemoWorld.World.Workers.ToDictionary(w => w.Id, w => w.Quality);
        double Oracle(WorkerRatingRow row) => PlantedExpectedScore(quality[long.Parse(row.Key.Split(' ')[1])]);
        var planted = WorkerRatingMetrics.Compute(data.Test.Select(Oracle).ToList(), data.Test.Select(r => r.Target).ToList(),
            data.Validation.Select(Oracle).ToList(), data.Validation.Select(r => r.Target).ToList());
        output.WriteLine($"  planted best (true quality) {planted}");

        Assert.True(served.Test.Mae < seed.Test.Mae, $"served {served.Test.Mae} vs seed {seed.Test.Mae}");
        Assert.True(served.Test.Mae < served.MeanBaseline.Mae, $"served {served.Test.Mae} vs mean {served.MeanBaseline.Mae}");
        Assert.True(served.Test.Mae < served.Heuristic.Mae, $"served {served.Test.Mae} vs heuristic {served.Heuristic.Mae}");
        Assert.True(planted.Mae <= served.Test.Mae, $"planted {planted.Mae} vs served {served.Test.Mae}");
    }

    [Fact]
    public void On_the_freelancer_csv_only_the_leaking_seed_configuration_beats_the_mean()
    {
        var data = WorkerRatingDataset.FromCsv(SharedData.FreelancersCsv, SharedData.FreelancersSplit, 42);
        var c = data.Cleaning!;
        output.WriteLine($"  cleaning: rows {c.Rows} kept {c.Kept} skipped {string.Join(", ", c.Skipped.Select(kv => $"{kv.Key} {kv.Value}"))} " +
            $"repaired {string.Join(", ", c.Repaired.Select(kv => $"{kv.Key} {kv.Value}"))}");
        var seed = Train(data, WorkerRatingConfigurations.Seed);
        var served = Train(data, WorkerRatingConfigurations.Served);

        Assert.True(WorkerRatingModelMetadata.IsLeaking(new WorkerRatingTrainingRequest(data, WorkerRatingConfigurations.Seed)));
        Assert.False(WorkerRatingModelMetadata.IsLeaking(new WorkerRatingTrainingRequest(data, WorkerRatingConfigurations.Served)));
        // The leak shows: fed the target's own components, the seed's model scores far better than anything honest can.
        Assert.True(seed.Test.Mae < 0.8 * seed.MeanBaseline.Mae, $"seed {seed.Test.Mae} vs mean {seed.MeanBaseline.Mae}");
        // Without them the profile carries no usable signal here: no better than the mean on validation rows, which is what
        // keeps it from being activated.
        Assert.True(served.ValidationMae >= 0.97 * served.ValidationMeanMae, $"served validation MAE {served.ValidationMae} vs mean {served.ValidationMeanMae}");
    }

    private WorkerRatingPipelineResult Train(WorkerRatingDataset data, string configuration)
    {
        var r = WorkerRatingModelTraining.Train(new WorkerRatingTrainingRequest(data, configuration));
        output.WriteLine($"{data.Source}: {data.Split}; rows {data.Train.Count}/{data.Validation.Count}/{data.Test.Count}");
        output.WriteLine($"  {configuration} [{r.NetworkName}, {string.Join(" ", r.Candidates.Select(c => $"{c.Features}/{c.Network}:{c.ValidationMse:F5}"))}] " +
            $"model {r.Test} | mean {r.MeanBaseline} | heuristic {r.Heuristic} | val MAE {r.ValidationMae:F2} (mean {r.ValidationMeanMae:F2}) " +
            $"epochs {r.Fit.EpochsRun} (all {r.EpochsAllCandidates}) {r.Wall.TotalSeconds:F1}s onnx {r.OnnxMaxAbsError:G2}");
        return r;
    }
}
