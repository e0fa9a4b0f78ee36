using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Training.WorkerRating;
using iAyos.Messaging.Training.Tests.PriceModel;
using Xunit.Abstractions;

namespace iAyos.Messaging.Training.Tests.WorkerRating;

/// <summary>Prints the issue's tables (demo world and freelancer CSV; test rows). Skipped unless IAYOS_RATING_REPORT=1.</summary>
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
    public void Print_the_tables()
    {
        if (Environment.GetEnvironmentVariable("IAYOS_RATING_REPORT") != "1") return;
        var demo = WorkerRatingDataset.FromTimelines(DemoWorld.Timelines(DemoWorld.World), "demo world seed 42");
        var csv = WorkerRatingDataset.FromCsv(SharedData.Directory + "/global_freelancers_raw.csv", SharedData.Directory + "/splits/global_freelancers_raw.split.json", 42);
        foreach (var data in new[] { demo, csv })
        {
            output.WriteLine($"{data.Source}: {data.Split}; rows {data.Train.Count}/{data.Validation.Count}/{data.Test.Count}");
            foreach (var configuration in new[] { WorkerRatingConfigurations.Seed, WorkerRatingConfigurations.Served })
            {
                var r = WorkerRatingModelTraining.Train(new WorkerRatingTrainingRequest(data, configuration));
                output.WriteLine($"  {configuration} [{r.NetworkName}, {string.Join(" ", r.Candidates.Select(c => $"{c.Features}/{c.Network}:{c.ValidationMse}"))}] " +
                    $"model {r.Test} | mean {r.MeanBaseline} | heuristic {r.Heuristic} | val MAE {r.ValidationMae} (mean {r.ValidationMeanMae}) epochs {r.Fit.EpochsRun} (all {r.EpochsAllCandidates}) {r.Wall.TotalSeconds:F1}s onnx {r.OnnxMaxAbsError:G2}");
            }
            if (data.HasHistory)
            {
                // The planted best achievable: each test worker's expected review composite given its latent quality.
                var quality = DemoWorld.World.Workers.ToDictionary(w => w.Id, w => w.Quality);
                var oracle = data.Test.Select(r => PlantedExpectedScore(quality[long.Parse(r.Key.Split(' ')[1])])).ToList();
                var oracleVal = data.Validation.Select(r => PlantedExpectedScore(quality[long.Parse(r.Key.Split(' ')[1])])).ToList();
                output.WriteLine($"  planted oracle (true quality) {WorkerRatingMetrics.Compute(oracle, data.Test.Select(r => r.Target).ToList(), oracleVal, data.Validation.Select(r => r.Target).ToList())}");
            }
            if (data.Cleaning is { } c)
                output.WriteLine($"  cleaning: rows {c.Rows} kept {c.Kept} skipped {string.Join(", ", c.Skipped.Select(kv => $"{kv.Key} {kv.Value}"))} repaired {string.Join(", ", c.Repaired.Select(kv => $"{kv.Key} {kv.Value}"))}");
        }
    }
}
