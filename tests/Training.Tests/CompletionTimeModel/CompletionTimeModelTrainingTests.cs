using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Engine.Layers;
using iAyos.Messaging.Training.CompletionTimeModel;
using Xunit.Abstractions;

namespace iAyos.Messaging.Training.Tests.CompletionTimeModel;

/// <summary>The pipeline on the demo world (seed 42, 2000 jobs, 120 workers): what the note quotes comes from here.</summary>
public class CompletionTimeModelTrainingTests(ITestOutputHelper output)
{
    private static readonly Lazy<CompletionTimePipelineResult> Served = new(() => Train(CompletionTimeFeatureConfigurations.Served));
    private static readonly Lazy<CompletionTimePipelineResult> Seed = new(() => Train(CompletionTimeFeatureConfigurations.Seed));

    private static CompletionTimePipelineResult Train(string configuration, int epochs = 100, int seed = 42) =>
        CompletionTimeModelTraining.Train(new CompletionTimeTrainingRequest(CompletionTimeDemo.Data, configuration, DemoWorld.Categories, epochs, Seed: seed));

    [Fact]
    public void The_served_configuration_beats_the_seed_configuration_the_category_median_and_the_fallback_on_test_mae()
    {
        var served = Served.Value;
        var seed = Seed.Value;
        var planted = PlantedBest();
        output.WriteLine($"rows {CompletionTimeDemo.Data.Train.Count}/{CompletionTimeDemo.Data.Validation.Count}/{CompletionTimeDemo.Data.Test.Count}");
        output.WriteLine($"seed     {seed.Test} epochs {seed.Fit.EpochsRun} (best {seed.Fit.BestEpoch}) {seed.Wall.TotalSeconds:F2}s val mse {seed.ValidationMse:F4}");
        output.WriteLine($"served   {served.Test} epochs {served.Fit.EpochsRun} (best {served.Fit.BestEpoch}) {served.Wall.TotalSeconds:F2}s val mse {served.ValidationMse:F4}");
        output.WriteLine($"fallback {served.Fallback}\nmedian   {served.CategoryMedian}\nplanted  {planted}");

        Assert.Equal(CompletionTimeDemo.Data.Test.Count, served.Test.Rows);
        Assert.True(served.Test.MaeHours < seed.Test.MaeHours, $"served {served.Test.MaeHours} vs seed {seed.Test.MaeHours}");
        Assert.True(served.Test.MaeHours < served.CategoryMedian.MaeHours, $"served {served.Test.MaeHours} vs median {served.CategoryMedian.MaeHours}");
        Assert.True(served.Test.MaeHours < served.Fallback.MaeHours, $"served {served.Test.MaeHours} vs fallback {served.Fallback.MaeHours}");
        // Chosen on validation rows only: the served network's validation MSE (no L2 term) is the lower one.
        Assert.True(served.ValidationMse < seed.ValidationMse);
        // Nobody beats the planted noise-free median on average.
        Assert.True(planted.MaeHours <= served.Test.MaeHours);
    }

    [Fact]
    public void The_stated_75_percent_interval_covers_70_to_80_percent_of_the_held_out_test_rows()
    {
        Assert.InRange(Served.Value.Test.Coverage, 0.70, 0.80);
        Assert.InRange(Seed.Value.Test.Coverage, 0.70, 0.80);
        Assert.Equal(Served.Value.Test.Coverage, Served.Value.Spec.TestCoverage);
        Assert.True(Served.Value.Spec.IntervalHalfWidth < Seed.Value.Spec.IntervalHalfWidth, "a better model states a narrower interval");
    }

    [Fact]
    public void Onnx_runtime_agrees_with_the_engine_on_the_test_rows()
    {
        Assert.InRange(Served.Value.OnnxMaxAbsError, 0, CompletionTimeModelTraining.OnnxTolerance);
        Assert.InRange(Seed.Value.OnnxMaxAbsError, 0, CompletionTimeModelTraining.OnnxTolerance);
    }

    [Fact]
    public void The_seed_configuration_builds_the_seeds_layers_and_callbacks()
    {
        var layers = Seed.Value.Network.Layers;

        Assert.IsType<ToSequence>(layers[0]);
        var lstm1 = Assert.IsType<Lstm>(layers[1]);
        Assert.Equal((43, 64, true, 0.2), (lstm1.Features, lstm1.Units, lstm1.ReturnSequences, lstm1.Dropout));
        var lstm2 = Assert.IsType<Lstm>(layers[2]);
        Assert.Equal((64, 32, false, 0.2), (lstm2.Features, lstm2.Units, lstm2.ReturnSequences, lstm2.Dropout));
        Assert.Equal(16, Assert.IsType<Dense>(layers[3]).Units);
        Assert.Equal(ActivationKind.Relu, Assert.IsType<Activation>(layers[4]).Kind);
        Assert.Equal(0.2, Assert.IsType<Dropout>(layers[5]).Rate);
        Assert.Equal(1, Assert.IsType<Dense>(layers[6]).Units);
        Assert.Equal(7, layers.Count);
        Assert.Equal(new CompletionTimeNetworks.Hyperparameters(1e-3, 0.01, 10, 5, 1e-6), CompletionTimeNetworks.SeedHyperparameters);
        Assert.True(Seed.Value.Fit.EpochsRun <= 100);
    }

    [Fact]
    public void Same_seed_and_data_train_identical_weights_and_identical_onnx_files()
    {
        var first = Train(CompletionTimeFeatureConfigurations.Served, epochs: 5);
        var second = Train(CompletionTimeFeatureConfigurations.Served, epochs: 5);
        var otherSeed = Train(CompletionTimeFeatureConfigurations.Served, epochs: 5, seed: 7);

        Assert.Equal(first.Network.GetWeights(), second.Network.GetWeights());
        Assert.Equal(first.Onnx, second.Onnx);
        Assert.NotEqual(first.Network.GetWeights()[0], otherSeed.Network.GetWeights()[0]);
    }

    [Fact]
    public void Serving_extracts_exactly_the_training_features_from_the_exported_spec()
    {
        var result = Served.Value;
        var spec = CompletionTimeFeatureSpec.Parse(result.Spec.ToJson());
        var rows = CompletionTimeDemo.Data.Test;
        var (x, _) = CompletionTimeModelTraining.Tensors(rows, result.Spec);
        var catalog = new CategoryCatalog(DemoWorld.Categories.Select(c => new CategoryStats(c.Id, c.Name, c.MinPrice, c.AvgPrice, c.MaxPrice, c.Hours, 0.5, 0)));
        // Answered long after the jobs: the features use each request's posted_at, not the clock.
        var context = new PredictionContext(catalog, DateTimeOffset.UtcNow);

        for (var i = 0; i < rows.Count; i++)
        {
            var request = CompletionTimeKind.Instance.Validate(rows[i].Request).OrThrow();
            Assert.Equal(x.Data.AsSpan(i * spec.FeatureCount, spec.FeatureCount).ToArray(), CompletionTimeKind.Instance.Extract(request, spec, context));
        }
        var answer = CompletionTimeKind.Instance.FromModel([(float)Math.Log(1 + 6.0)], spec, 4, rows[0].Request, context);
        Assert.Equal(("model", 0.75, 6.0, "6 hours"), (answer.Source, answer.ConfidenceLevel, answer.PredictedHours, answer.FormattedDuration));
        Assert.Equal(Math.Round(Math.Exp(Math.Log(7) - spec.IntervalHalfWidth!.Value) - 1, 2), answer.ConfidenceIntervalLower);
        Assert.Equal(Math.Round(Math.Exp(Math.Log(7) + spec.IntervalHalfWidth!.Value) - 1, 2), answer.ConfidenceIntervalUpper);
    }

    [Fact]
    public void Too_few_rows_are_refused_with_the_counts()
    {
        var tiny = CompletionTimeDemo.Data with { Train = CompletionTimeDemo.Data.Train.Take(5).ToList() };

        var error = Assert.Throws<ArgumentException>(() =>
            CompletionTimeModelTraining.Train(new CompletionTimeTrainingRequest(tiny, CompletionTimeFeatureConfigurations.Served, DemoWorld.Categories)));
        Assert.Contains("5 training", error.Message);
    }

    /// <summary>The generator's noise-free median on the same test rows, with its known x/÷ exp(1.15 x 0.35) interval.</summary>
    private static CompletionTimeMetrics PlantedBest()
    {
        var expected = DemoWorld.World.Jobs.ToDictionary(j => j.Job.Id, j => j.ExpectedHours);
        var spread = Math.Exp(CompletionTimeFallbackEstimator.Z75 * Cli.DemoData.ServiceJobWorldGenerator.DurationSigma);
        var test = CompletionTimeDemo.Data.Test;
        return CompletionTimeMetrics.Compute(
            test.Select(r => expected[r.Job.Id]!.Value).Select(h => (h, h / spread, h * spread)).ToList(),
            test.Select(r => r.Hours).ToList());
    }
}
