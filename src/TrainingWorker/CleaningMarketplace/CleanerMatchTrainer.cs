using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.CleaningMarketplace;

/// <summary>
/// Cleaner-match runs (seed 004's hybrid of the collaborative and content networks): hires with a review; features.json
/// holds the ID mappings; activation on the served score's MSE (cold-start pairs by content alone).
/// </summary>
public sealed class CleanerMatchTrainer(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    MarketplaceSnapshotReader marketplace,
    TrainedVersions versions,
    ILogger<CleanerMatchTrainer> logger) : CleaningNetworkTrainer<MatchRow>(options, artifacts, marketplace, versions, logger)
{
    public override string Kind => CleanerMatchKind.KindName;
    protected override string Source => "cleaning marketplace read model (hires with a review)";
    protected override string RowsName => "reviewed hires";
    protected override int MinimumFitRows => CleanerMatchTraining.MinimumFitRows;
    protected override string MetricName => "served_mse";

    protected override TimeSplit<MatchRow> Rows(CleaningMarketplaceDataset data) => data.Match;

    protected override CleaningNetworkRun Train(CleaningMarketplaceDataset data, int epochs, int batchSize, int seed, string checkpointPath,
        IProgress<EpochReport> reports, CancellationToken ct)
    {
        var result = CleanerMatchTraining.Run(data,
            new CleanerMatchTrainingOptions { Epochs = epochs, BatchSize = batchSize, Seed = seed, CheckpointPath = checkpointPath }, reports, ct);
        return new CleaningNetworkRun(result.Onnx, result.Spec.ToJson(), result.Report.Flatten(),
            $"alpha {result.Spec.Alpha:F2}, {result.Spec.ClientIds.Count} clients / {result.Spec.CleanerIds.Count} cleaners mapped");
    }

    protected override double Measure(byte[] onnx, string specJson, IReadOnlyList<MatchRow> test) => ActiveVersionMeasure.CleanerMatchMse(onnx, specJson, test);

    protected override string Report(int version, CleaningNetworkRun run, double testMetric)
    {
        var f = run.Figures;
        return $"v{version}: {f["epochs_run"]} epochs, test MSE {testMetric:F4}, MAE {f["review.hybrid.mae"]:F3}, R² {f["review.hybrid.r2"]:F3} " +
            $"(rule-based {f["review.rule_overall.mse"]:F4}, training mean {f["review.training_mean.mse"]:F4}), top-3 hires {f["top3.neural"]:P0} " +
            $"(rule-based {f["top3.rule_based"]:P0}), {run.SpecSummary}";
    }

    protected override string Format(double metric) => $"{metric:F4}";
}
