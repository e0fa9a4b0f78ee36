using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Training.WorkerRating;
using iAyos.Messaging.Training.Tests.PriceModel;
using Xunit.Abstractions;

namespace iAyos.Messaging.Training.Tests.WorkerRating;

/// <summary>Prints the issue's tables (demo world and freelancer CSV; test rows). Skipped unless IAYOS_RATING_REPORT=1.</summary>
public class WorkerRatingReportTests(ITestOutputHelper output)
{
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
                    $"model {r.Test} | mean {r.MeanBaseline} | heuristic {r.Heuristic} | epochs {r.Fit.EpochsRun} (all {r.EpochsAllCandidates}) {r.Wall.TotalSeconds:F1}s onnx {r.OnnxMaxAbsError:G2}");
            }
            if (data.Cleaning is { } c)
                output.WriteLine($"  cleaning: rows {c.Rows} kept {c.Kept} skipped {string.Join(", ", c.Skipped.Select(kv => $"{kv.Key} {kv.Value}"))} repaired {string.Join(", ", c.Repaired.Select(kv => $"{kv.Key} {kv.Value}"))}");
        }
    }
}
