using iAyos.Messaging.Onnx.Batching;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Training.Tests.PriceModel;
using iAyos.Messaging.Training.WorkerRating;

namespace iAyos.Messaging.Training.Tests.WorkerRating;

public class WorkerRatingModelTrainingTests
{
    private static readonly Lazy<WorkerRatingDataset> Demo = new(() => WorkerRatingDataset.FromTimelines(DemoWorld.Timelines(DemoWorld.World), "demo"));
    private static readonly Lazy<WorkerRatingPipelineResult> Served = new(() =>
        WorkerRatingModelTraining.Train(new WorkerRatingTrainingRequest(Demo.Value, WorkerRatingConfigurations.Served)));

    [Fact]
    public void The_served_model_beats_the_mean_and_the_fallback_on_test_rows_with_a_calibrated_interval()
    {
        var r = Served.Value;

        Assert.Equal(Demo.Value.Test.Count, r.Test.Rows);
        Assert.True(r.Test.Mae < r.MeanBaseline.Mae, $"model {r.Test.Mae} vs mean {r.MeanBaseline.Mae}");
        Assert.True(r.Test.Mae < r.Heuristic.Mae, $"model {r.Test.Mae} vs fallback {r.Heuristic.Mae}");
        Assert.InRange(r.Test.Coverage, 0.65, 0.85); // a 75% interval on ~110 held-out rows
        Assert.Equal(r.Test.IntervalHalfWidth, r.Spec.IntervalHalfWidth);
        Assert.Empty(r.Spec.FeatureNames.Intersect(WorkerRatingFeatures.SnapshotTargetComponents));
        // Chosen on validation: the kept candidate has the lowest validation MSE of those tried.
        Assert.Equal(r.Candidates.Min(c => c.ValidationMse), r.Candidates.Single(c => c.Network == r.NetworkName && c.Features ==
            (r.Spec.FeatureNames.SequenceEqual(WorkerRatingFeatures.ProfileNames) ? WorkerRatingModelTraining.ProfileFeatures : WorkerRatingModelTraining.ProfileAndPastFeatures)).ValidationMse);
    }

    [Fact]
    public void The_exported_model_gives_the_engines_scores_in_onnx_runtime()
    {
        var r = Served.Value;
        using var session = OnnxSession.FromBytes(r.Onnx);
        var rows = Demo.Value.Test;
        var x = rows.Select(row => WorkerRatingFeatures.Extract(row.Inputs, r.Spec.FeatureNames)).ToList();

        var scores = ModelBatch.Run(session, r.Spec.InputName, r.Spec.OutputName, x).Select(o => o[0] * 100.0).ToList();

        Assert.True(r.OnnxMaxAbsError <= WorkerRatingModelTraining.OnnxTolerance);
        Assert.All(scores.Zip(r.TestPredictions), p => Assert.Equal(p.Second, p.First, 0.01));
    }

    [Fact]
    public void Suggestions_are_the_changes_the_trained_model_rescores_higher_most_points_first()
    {
        var r = Served.Value;
        using var session = OnnxSession.FromBytes(r.Onnx);
        var kind = WorkerRatingKind.Instance;
        var spec = kind.ParseFeatureSpec(r.Spec.ToJson());
        var context = new PredictionContext(CategoryCatalog.Empty, DateTimeOffset.UnixEpoch);
        double ScoreOf(Contracts.Predictions.PredictWorkerRating request) =>
            ModelBatch.Run(session, r.Spec.InputName, r.Spec.OutputName, [WorkerRatingFeatures.Extract(request, r.Spec.FeatureNames)])[0][0] * 100.0;

        var suggestedAny = 0;
        foreach (var row in Demo.Value.Test.Take(30))
        {
            var rows = kind.ExtractRows(row.Inputs, spec, context);
            var prediction = kind.FromModelRows(ModelBatch.Run(session, r.Spec.InputName, r.Spec.OutputName, rows), spec, 1, row.Inputs, context);

            Assert.Equal(prediction.SuggestedChanges.OrderByDescending(c => c.Gain).Select(c => c.Change), prediction.SuggestedChanges.Select(c => c.Change));
            Assert.Equal(prediction.SuggestedChanges.Select(c => c.Text), prediction.ImprovementSuggestions);
            var applicable = WorkerRatingProfileChanges.Applicable(row.Inputs, r.Spec).ToDictionary(c => c.Change.Change);
            foreach (var change in prediction.SuggestedChanges)
            {
                Assert.True(change.Gain > 0);
                // Re-scored alone, the changed profile gains what the suggestion says.
                Assert.Equal(ScoreOf(applicable[change.Change].Changed) - ScoreOf(row.Inputs), change.Gain, 0.06);
            }
            suggestedAny += prediction.SuggestedChanges.Count > 0 ? 1 : 0;
        }
        Assert.True(suggestedAny > 0);
    }

    [Fact]
    public void On_the_freelancer_file_the_seed_configuration_is_labelled_leaking_and_the_served_one_is_not()
    {
        var data = WorkerRatingDataset.FromCsv(Path.Combine(SharedData.Directory, "global_freelancers_raw.csv"),
            Path.Combine(SharedData.Directory, "splits", "global_freelancers_raw.split.json"), 42);
        var seed = new WorkerRatingTrainingRequest(data, WorkerRatingConfigurations.Seed, Epochs: 5);
        var served = new WorkerRatingTrainingRequest(data, WorkerRatingConfigurations.Served, Epochs: 5);

        var result = WorkerRatingModelTraining.Train(served);

        Assert.True(WorkerRatingModelMetadata.IsLeaking(seed));
        Assert.False(WorkerRatingModelMetadata.IsLeaking(served));
        Assert.False(WorkerRatingModelMetadata.IsLeaking(new WorkerRatingTrainingRequest(Demo.Value, WorkerRatingConfigurations.Seed)));
        Assert.Equal(WorkerRatingFeatures.ProfileNames, result.Spec.FeatureNames);
        Assert.Equal(data.Test.Count, result.Test.Rows);
    }
}
