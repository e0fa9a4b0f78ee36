using System.Text.Json;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.CleaningMarketplace;

/// <summary>
/// A cleaning-bid training run (seed 004's bid model, min &lt;= optimal &lt;= max): the marketplace read model as one
/// snapshot, accepted bids split by posting time, the pipeline, the three files, a registered version, and activation
/// when its optimal bid beats the active version's MAE in EUR on this run's test rows (or when none is active, or the
/// active one cannot be run).
/// </summary>
public sealed class CleaningBidTrainer(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    MarketplaceSnapshotReader marketplace,
    TrainedVersions versions,
    ILogger<CleaningBidTrainer> logger) : IModelTrainer
{
    private const string Source = "cleaning marketplace read model (accepted bids)";

    public string Kind => CleaningBidKind.KindName;

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, string checkpointPath, ITrainingProgress progress, CancellationToken ct)
    {
        var parameters = job.Parameters;
        if (parameters.CsvFile is not null || parameters.SplitFile is not null)
            throw new TrainingDataException("cleaning-bid trains on the cleaning marketplace read model only: csv_file and split_file are not supported for this kind.");

        var snapshot = await marketplace.ReadAsync(ct);
        var data = CleaningMarketplaceDataset.Build(snapshot);
        var split = data.Bids;
        if (split.Fit.Count < parameters.MinSamples && !parameters.Force)
            throw new TrainingDataException($"{split.Fit.Count} training rows from the {Source}; min_samples is {parameters.MinSamples} (force to train anyway).");
        if (split.Fit.Count < BidModelTraining.MinimumFitRows || split.Validation.Count == 0 || split.Test.Count == 0)
            throw new TrainingDataException($"Too few accepted bids in the {Source}: {split.Fit.Count} training, {split.Validation.Count} validation, {split.Test.Count} test.");

        var trainingOptions = new BidModelTrainingOptions
        {
            Epochs = parameters.Epochs, BatchSize = parameters.BatchSize, Seed = options.Value.Seed, CheckpointPath = checkpointPath,
        };
        var result = await PipelineRun.RunAsync(checkpointPath, (split.Fit.Count, split.Validation.Count, split.Test.Count), progress,
            reports => BidModelTraining.Run(data, trainingOptions, reports, ct), ct);

        var specJson = result.Spec.ToJson();
        // Both versions are measured by one function on this run's test rows.
        var testMae = ActiveVersionMeasure.OptimalBidMae(result.Onnx, specJson, split.Test);
        var figures = new Dictionary<string, double>(result.Report.Flatten()) { ["test.optimal_mae"] = testMae };
        var metadata = JsonSerializer.Serialize(new
        {
            kind = Kind, run_id = job.RunId, source = Source, trained_at = DateTimeOffset.UtcNow, train_rows = split.Fit.Count,
            validation_rows = split.Validation.Count, test_rows = split.Test.Count, metrics = figures,
        });
        var registered = await versions.WriteAndRegisterAsync(Kind, job, CleaningModelFiles.Model,
            directory => CleaningModelFiles.WriteAsync(directory, result.Onnx, specJson, metadata, ct), specJson, JsonSerializer.Serialize(figures),
            $"{Source}; {split.Fit.Count}/{split.Validation.Count}/{split.Test.Count} rows split by posting time", ct);

        var active = registered.Active;
        var activeMae = active is null ? null : await ActiveMaeAsync(active, split.Test, ct);
        if (activeMae is { } mae) figures["active.optimal_mae"] = mae;
        var activate = active is null || activeMae is null || testMae < activeMae;
        if (activate)
            await versions.ActivateAsync(Kind, registered, job, ct);

        var report = $"v{registered.Version}: {figures["epochs_run"]} epochs, test optimal-bid MAE {testMae:F2} EUR (rule-based {figures["rule_optimal_mae"]:F2}, " +
            $"market {figures["market_mae"]:F2}), [min, max] covers {figures["coverage"]:P0} (rule-based {figures["rule_coverage"]:P0})" +
            $"{(activeMae is { } a ? $" (active v{active!.Version} {a:F2} EUR)" : "")}, " + (activate ? "activated" : "not activated");
        return new TrainingOutcome((int)figures["epochs_run"], figures, registered.Version, activate, report);
    }

    /// <summary>The active version's optimal-bid MAE on these test rows, or null if it cannot be run.</summary>
    private async Task<double?> ActiveMaeAsync(ModelVersion active, IReadOnlyList<BidRow> test, CancellationToken ct)
    {
        try
        {
            return ActiveVersionMeasure.OptimalBidMae(await File.ReadAllBytesAsync(artifacts.Value.Resolve(active.ArtifactPath), ct), active.FeatureExtractor, test);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or ArgumentException or InvalidOperationException or JsonException)
        {
            logger.LogWarning("Active cleaning-bid v{Version} cannot be measured on this run's test rows ({Reason}); the new version replaces it", active.Version, ex.Message);
            return null;
        }
    }
}
