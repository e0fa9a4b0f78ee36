using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace;
using Xunit;

namespace iAyos.Messaging.Cli.Tests.Simulation;

/// <summary>A generated marketplace of 1,200 jobs, trained once (a few epochs) for every test that reads its results.</summary>
public sealed class TrainedMarket
{
    public static readonly MarketplaceSpec Spec = new(1200, 80, 200, 42, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero));

    public TrainedMarket()
    {
        Market = MarketplaceGenerator.Generate(Spec);
        Data = CleaningMarketplaceDataset.Build(MarketplaceFold.Fold(Market.Events));
        Match = CleanerMatchTraining.Run(Data, new CleanerMatchTrainingOptions { Epochs = 15, Seed = 42 });
        Bids = BidModelTraining.Run(Data, new BidModelTrainingOptions { Epochs = 15, Seed = 42 });
        Truth = MarketplaceTruth.Measure(Market, Data);
    }

    public GeneratedMarketplace Market { get; }
    public CleaningMarketplaceDataset Data { get; }
    public CleanerMatchTrainingResult Match { get; }
    public BidModelTrainingResult Bids { get; }
    public MarketplaceTruth Truth { get; }
}

public sealed class MarketplaceTrainingTests(TrainedMarket trained) : IClassFixture<TrainedMarket>
{
    [Fact]
    public void Neural_and_ensemble_rank_hires_better_than_random_and_the_oracle_bounds_every_mode()
    {
        var r = trained.Match.Report;
        Assert.True(r.RuleBased.Jobs > 50);
        Assert.True(r.Neural.Accuracy > r.Random.Accuracy, $"neural {r.Neural.Accuracy:P1} vs random {r.Random.Accuracy:P1}");
        Assert.True(r.Ensemble.Accuracy > r.Random.Accuracy, $"ensemble {r.Ensemble.Accuracy:P1} vs random {r.Random.Accuracy:P1}");
        foreach (var mode in new[] { r.RuleBased, r.Neural, r.Ensemble, r.Random, r.Cheapest })
            Assert.True(trained.Truth.Oracle.Accuracy >= mode.Accuracy);
    }

    [Fact]
    public void The_review_network_learns_something_the_training_mean_does_not_and_stays_above_the_noise_floor()
    {
        var r = trained.Match.Report;
        Assert.True(r.Served.Mse < r.TrainingMean.Mse, $"served {r.Served.Mse:F5} vs mean {r.TrainingMean.Mse:F5}");
        // Cold start serves the content half alone: trained with its own loss term, it must be a predictor by itself.
        Assert.True(r.Content.Mse < r.TrainingMean.Mse, $"content {r.Content.Mse:F5} vs mean {r.TrainingMean.Mse:F5}");
        Assert.True(r.Served.Mse >= trained.Truth.ReviewNoiseFloor.Mse * 0.9);
        Assert.InRange(r.Alpha, 0, 1);
    }

    [Fact]
    public void The_spec_maps_the_fitted_ids_and_the_graph_scores_an_unknown_pair_by_content()
    {
        var spec = CleanerMatchSpec.Parse(trained.Match.Spec.ToJson());
        Assert.Equal(trained.Data.CleanerIds, spec.CleanerIds);
        Assert.Equal(trained.Match.Spec.Alpha, spec.Alpha);
        using var scorer = new CleanerMatchOnnxScorer(trained.Match.Onnx, spec);
        var row = trained.Data.Match.Test[0];
        var scores = scorer.Score([CleanerMatchPair.Of(row) with { ClientId = -1 }]);
        Assert.False(scores[0].KnownPair);
        Assert.Equal(scores[0].Content, scores[0].Served);
        Assert.InRange(scores[0].Served, 0, 1);
    }

    [Fact]
    public void The_bid_graph_orders_min_optimal_max_and_reports_its_coverage()
    {
        var spec = BidModelSpec.Parse(trained.Bids.Spec.ToJson());
        Assert.Equal(trained.Bids.Report.Coverage, spec.Coverage);
        using var session = OnnxSession.FromBytes(trained.Bids.Onnx);
        var (x, _) = BidModelTraining.Tensors(trained.Data.Bids.Test, spec);
        var output = session.Run(spec.InputName, new OnnxTensor(x.Data, x.Dim(0), x.Dim(1)), [spec.OutputName])[0].Data;
        for (var i = 0; i < trained.Data.Bids.Test.Count; i++)
            Assert.True(output[3 * i] <= output[3 * i + 1] && output[3 * i + 1] <= output[3 * i + 2]);
        Assert.InRange(trained.Bids.Report.Coverage, 0.5, 1);
        Assert.True(trained.Bids.Report.OptimalMae < trained.Data.Bids.Test.Average(r => (double)r.AcceptedAmount));
    }

    [Fact]
    public void The_quality_report_flattens_every_figure()
    {
        var figures = trained.Match.Report.Flatten();
        Assert.Equal(trained.Match.Report.Ensemble.Accuracy, figures["top3.ensemble"]);
        Assert.Equal(trained.Match.Report.Alpha, figures["alpha"]);
        Assert.Equal(trained.Bids.Report.Coverage, trained.Bids.Report.Flatten()["coverage"]);
    }
}
