using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.CleaningMarketplace;

/// <summary>Cleaning-bid runs (seed 004's bid model, min &lt;= optimal &lt;= max): accepted bids; activation on the
/// optimal bid's MAE in EUR.</summary>
public sealed class CleaningBidTrainer(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    MarketplaceSnapshotReader marketplace,
    TrainedVersions versions,
    ILogger<CleaningBidTrainer> logger) : CleaningNetworkTrainer<BidRow>(options, artifacts, marketplace, versions, logger)
{
    public override string Kind => CleaningBidKind.KindName;
    protected override string Source => "cleaning marketplace read model (accepted bids)";
    protected override string RowsName => "accepted bids";
    protected override int MinimumFitRows => BidModelTraining.MinimumFitRows;
    protected override string MetricName => "optimal_mae";

    protected override TimeSplit<BidRow> Rows(CleaningMarketplaceDataset data) => data.Bids;

    protected override CleaningNetworkRun Train(CleaningMarketplaceDataset data, int epochs, int batchSize, int seed, string checkpointPath,
        IProgress<EpochReport> reports, CancellationToken ct)
    {
        var result = BidModelTraining.Run(data,
            new BidModelTrainingOptions { Epochs = epochs, BatchSize = batchSize, Seed = seed, CheckpointPath = checkpointPath }, reports, ct);
        return new CleaningNetworkRun(result.Onnx, result.Spec.ToJson(), result.Report.Flatten());
    }

    protected override double Measure(byte[] onnx, string specJson, IReadOnlyList<BidRow> test) => ActiveVersionMeasure.OptimalBidMae(onnx, specJson, test);

    protected override string Report(int version, CleaningNetworkRun run, double testMetric)
    {
        var f = run.Figures;
        return $"v{version}: {f["epochs_run"]} epochs, test optimal-bid MAE {testMetric:F2} EUR (rule-based {f["rule_optimal_mae"]:F2}, " +
            $"market {f["market_mae"]:F2}), [min, max] covers {f["coverage"]:P0} (rule-based {f["rule_coverage"]:P0})";
    }

    protected override string Format(double metric) => $"{metric:F2} EUR";
}
