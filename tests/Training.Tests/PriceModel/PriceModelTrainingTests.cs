using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Training.Tests.PriceModel;

/// <summary>The pipeline on ../shared/data's fixed split: what the note quotes comes from here and the integration run.</summary>
public class PriceModelTrainingTests
{
    private static readonly PriceDataset Data = PriceDataset.FromCsv(SharedData.PhBlueCollarCsv, SharedData.PhBlueCollarSplit);

    [Fact]
    public void Same_seed_and_data_train_identical_weights_and_identical_onnx_files()
    {
        var first = PriceModelTraining.Train(new PriceTrainingRequest(Data, PriceFeatureConfigurations.Served, Epochs: 5));
        var second = PriceModelTraining.Train(new PriceTrainingRequest(Data, PriceFeatureConfigurations.Served, Epochs: 5));
        var otherSeed = PriceModelTraining.Train(new PriceTrainingRequest(Data, PriceFeatureConfigurations.Served, Epochs: 5, Seed: 7));

        Assert.Equal(first.Network.GetWeights(), second.Network.GetWeights());
        Assert.Equal(first.Onnx, second.Onnx);
        Assert.NotEqual(first.Network.GetWeights()[0], otherSeed.Network.GetWeights()[0]);
    }

    [Fact]
    public void The_served_configuration_beats_the_seed_configuration_and_the_median_baseline_on_the_test_rows()
    {
        var served = PriceModelTraining.Train(new PriceTrainingRequest(Data, PriceFeatureConfigurations.Served));
        var seed = PriceModelTraining.Train(new PriceTrainingRequest(Data, PriceFeatureConfigurations.Seed));

        Assert.Equal(76, served.Test.Rows);
        Assert.True(served.Test.Suggested.Mae < seed.Test.Suggested.Mae, $"served {served.Test.Suggested.Mae:F0} vs seed {seed.Test.Suggested.Mae:F0}");
        Assert.True(served.Test.Suggested.Mae < served.Baseline.Suggested.Mae, $"served {served.Test.Suggested.Mae:F0} vs baseline {served.Baseline.Suggested.Mae:F0}");
        Assert.True(served.Test.Combined.Mape < served.Baseline.Combined.Mape);
        // Chosen on validation rows only: the served network's validation MSE (no L2 term) is the lower one.
        Assert.True(served.ValidationMse < seed.ValidationMse, $"served {served.ValidationMse:F3} vs seed {seed.ValidationMse:F3}");
        Assert.True(served.OnnxMaxAbsError < PriceModelTraining.OnnxTolerance);
    }

    [Fact]
    public void The_exported_spec_reproduces_the_training_features_and_predictions_are_ordered()
    {
        var result = PriceModelTraining.Train(new PriceTrainingRequest(Data, PriceFeatureConfigurations.Served, Epochs: 3));
        var spec = PriceFeatureSpec.Parse(result.Spec.ToJson());
        var (x, _) = PriceModelTraining.Tensors(Data.Test, result.Spec);

        Assert.Equal(x.Data, PriceFeatures.ExtractBatch(Data.Test.Select(r => r.Request).ToList(), spec));
        Assert.All(PriceModelTraining.ToPrices(result.Network.Predict(x)), p => Assert.True(p[0] <= p[1] && p[1] <= p[2]));
        Assert.InRange(result.Spec.Confidence, 0, 1);
    }

    [Fact]
    public void Too_few_rows_are_refused_with_the_counts()
    {
        var tiny = Data with { Train = Data.Train.Take(5).ToList() };

        var error = Assert.Throws<ArgumentException>(() => PriceModelTraining.Train(new PriceTrainingRequest(tiny, PriceFeatureConfigurations.Served)));
        Assert.Contains("5 training", error.Message);
    }
}
