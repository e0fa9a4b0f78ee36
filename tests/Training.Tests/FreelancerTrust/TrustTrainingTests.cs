using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Training.FreelancerTrust;

namespace iAyos.Messaging.Training.Tests.FreelancerTrust;

/// <summary>One small run shared by the tests: 400 planted profiles, a 16-d fake encoder, LSTM 16 -> 8 -> 4.</summary>
public sealed class SmallTrustRun
{
    public static readonly TrustTrainingOptions Options = new()
    {
        Epochs = 25, Units = [16, 8, 4], Dropout = 0.1, LearningRate = 1e-2, Patience = 6, Seed = 5, Ablation = true,
    };

    public SmallTrustRun()
    {
        Data = TrustDataset.Build(PlantedTrustProfiles.Generate(400, 11), new HashingTextEmbedder(), "hashing", null);
        Result = TrustTraining.Run(Data, Options);
    }

    public TrustDataset Data { get; }
    public TrustTrainingResult Result { get; }
}

public class TrustTrainingTests(SmallTrustRun run) : IClassFixture<SmallTrustRun>
{
    [Fact]
    public void The_network_reads_the_text_and_beats_the_seeds_rules()
    {
        var report = run.Result.Report;
        var network = report.Model(TrustTraining.NetworkName(TrustConfigurations.Seed));
        var rules = report.Model(TrustTraining.Rules);

        Assert.True(network.Test.Accuracy >= 0.8, report.ToTable());
        Assert.True(network.Test.Accuracy >= rules.Test.Accuracy + 0.15, report.ToTable());
        // The label is in the text: the text-only network does about as well, the indicators-only one does not.
        Assert.True(report.Model(TrustTraining.NetworkName(TrustConfigurations.TextOnly)).Test.Accuracy >= 0.8, report.ToTable());
        Assert.True(report.Model(TrustTraining.NetworkName(TrustConfigurations.IndicatorsOnly)).Test.Accuracy < 0.7, report.ToTable());
    }

    [Fact]
    public void The_report_has_every_baseline_and_the_best_achievable_from_the_generators_probabilities()
    {
        var report = run.Result.Report;

        Assert.Equal(60, report.TestRows);
        Assert.Contains(report.Models, m => m.Name == TrustTraining.Logistic);
        var expected = run.Result.Split.Test.Average(i => Math.Max(run.Data.Examples[i].TrueProbability!.Value, 1 - run.Data.Examples[i].TrueProbability!.Value));
        Assert.Equal(expected, report.BestAchievableAccuracy!.Value, 9);
        Assert.Equal(0.9, report.BestAchievableAccuracy!.Value, 6);
    }

    [Fact]
    public void The_indicator_standardization_is_fitted_on_the_training_part_only()
    {
        var train = run.Result.Split.Train.Select(i => run.Data.Examples[i].Indicators);
        var all = run.Data.Examples.Select(e => e.Indicators);

        var (trainMeans, trainScales) = TrustStandardization.Fit(train);
        var (allMeans, _) = TrustStandardization.Fit(all);

        Assert.Equal(trainMeans, run.Result.Spec.IndicatorMeans);
        Assert.Equal(trainScales, run.Result.Spec.IndicatorScales);
        Assert.NotEqual(allMeans, run.Result.Spec.IndicatorMeans);
    }

    [Fact]
    public void Onnx_runtime_reads_profile_rows_and_answers_the_engines_probability_per_row()
    {
        var spec = TrustFeatureSpec.Parse(run.Result.Spec.ToJson());
        var test = run.Result.Split.Test.Select(i => run.Data.Examples[i]).ToList();
        var x = TrustTraining.Rows(test, spec);
        var engine = run.Result.Network.Predict(x);

        using var session = OnnxSession.FromBytes(run.Result.Onnx);
        var output = session.Run(spec.InputName, new OnnxTensor(x.Data, x.Dim(0), x.Dim(1)), [spec.OutputName])[0];

        Assert.Equal("profile", spec.InputName);
        Assert.Equal("trust_probability", spec.OutputName);
        Assert.Equal(new long[] { test.Count, 1 }, output.Shape);
        for (var i = 0; i < test.Count; i++) Assert.Equal(engine.Data[i], output.Data[i], 1e-4f);
        Assert.True(run.Result.Report.OnnxMaxAbsError <= TrustTraining.OnnxTolerance);
    }
}
