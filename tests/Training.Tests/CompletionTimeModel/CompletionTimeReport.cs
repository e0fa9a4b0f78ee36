using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Training.CompletionTimeModel;
using Xunit.Abstractions;

namespace iAyos.Messaging.Training.Tests.CompletionTimeModel;

public class CompletionTimeReport(ITestOutputHelper output)
{
    [Fact]
    public void Report()
    {
        var data = DemoWorld.IssueData;
        var expected = DemoWorld.IssueWorld.Jobs.ToDictionary(j => j.Job.Id, j => j.ExpectedHours);
        var spread = Math.Exp(CompletionTimeFallbackEstimator.Z75 * 0.35);
        var best = CompletionTimeMetrics.Compute(data.Test.Select(r => { var h = expected[r.Job.Id]!.Value; return (h, h / spread, h * spread); }).ToList(), data.Test.Select(r => r.Hours).ToList());
        output.WriteLine($"rows {data.Train.Count}/{data.Validation.Count}/{data.Test.Count} skipped {data.SkippedJobs}; planted {best}");
        foreach (var configuration in new[] { CompletionTimeFeatureConfigurations.Seed, CompletionTimeFeatureConfigurations.Served })
        {
            var r = CompletionTimeModelTraining.Train(new CompletionTimeTrainingRequest(data, configuration, DemoWorld.Categories));
            output.WriteLine($"{configuration}: test {r.Test} valmse {r.ValidationMse:F4} epochs {r.Fit.EpochsRun} best {r.Fit.BestEpoch} wall {r.Wall.TotalSeconds:F1}s w {r.Spec.IntervalHalfWidth}");
            output.WriteLine($"  median {r.CategoryMedian}\n  fallback {r.Fallback}");
        }
    }
}
