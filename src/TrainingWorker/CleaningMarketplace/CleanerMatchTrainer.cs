using System.Text.Json;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Training.CleaningMarketplace;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.CleaningMarketplace;

/// <summary>
/// A cleaner-match training run (seed 004's hybrid of the collaborative and content networks): the marketplace read
/// model as one snapshot, hires with a review split by posting time, the pipeline, the three files in the artifacts
/// directory (features.json holds the ID mappings), a registered version, and activation when it beats the active
/// version's MSE on this run's test rows (or when none is active, or the active one cannot be run).
/// </summary>
public sealed class CleanerMatchTrainer(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    MarketplaceSnapshotReader marketplace,
    TrainedVersions versions,
    ILogger<CleanerMatchTrainer> logger) : IModelTrainer
{
    private const string Source = "cleaning marketplace read model (hires with a review)";

    public string Kind => CleanerMatchKind.KindName;

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, string checkpointPath, ITrainingProgress progress, CancellationToken ct)
    {
        var parameters = job.Parameters;
        if (parameters.CsvFile is not null || parameters.SplitFile is not null)
            throw new TrainingDataException("cleaner-match trains on the cleaning marketplace read model only: csv_file and split_file are not supported for this kind.");

        var snapshot = await marketplace.ReadAsync(ct);
        var data = CleaningMarketplaceDataset.Build(snapshot);
        var split = data.Match;
        if (split.Fit.Count < parameters.MinSamples && !parameters.Force)
            throw new TrainingDataException($"{split.Fit.Count} training rows from the {Source}; min_samples is {parameters.MinSamples} (force to train anyway).");
        if (split.Fit.Count < CleanerMatchTraining.MinimumFitRows || split.Validation.Count == 0 || split.Test.Count == 0)
            throw new TrainingDataException($"Too few reviewed hires in the {Source}: {split.Fit.Count} training, {split.Validation.Count} validation, {split.Test.Count} test.");

        var trainingOptions = new CleanerMatchTrainingOptions
        {
            Epochs = parameters.Epochs, BatchSize = parameters.BatchSize, Seed = options.Value.Seed, CheckpointPath = checkpointPath,
        };
        var result = await PipelineRun.RunAsync(checkpointPath, (split.Fit.Count, split.Validation.Count, split.Test.Count), progress,
            reports => CleanerMatchTraining.Run(data, trainingOptions, reports, ct), ct);

        var specJson = result.Spec.ToJson();
        // Both versions are measured by one function on this run's test rows (the served score: cold-start pairs by content alone).
        var testMse = ActiveVersionMeasure.CleanerMatchMse(result.Onnx, specJson, split.Test);
        var figures = new Dictionary<string, double>(result.Report.Flatten()) { ["test.served_mse"] = testMse };
        var metadata = Metadata(job, figures, split.Fit.Count, split.Validation.Count, split.Test.Count, data.TestFrom);
        var registered = await versions.WriteAndRegisterAsync(Kind, job, CleaningModelFiles.Model,
            directory => CleaningModelFiles.WriteAsync(directory, result.Onnx, specJson, metadata, ct), specJson, JsonSerializer.Serialize(figures),
            $"{Source}; {split.Fit.Count}/{split.Validation.Count}/{split.Test.Count} rows split by posting time, test from {data.TestFrom:yyyy-MM-dd}", ct);

        var active = registered.Active;
        var activeMse = active is null ? null : await ActiveMseAsync(active, split.Test, ct);
        if (activeMse is { } mse) figures["active.served_mse"] = mse;
        var activate = active is null || activeMse is null || testMse < activeMse;
        if (activate)
            await versions.ActivateAsync(Kind, registered, job, ct);

        var report = $"v{registered.Version}: {figures["epochs_run"]} epochs, test MSE {testMse:F4}, MAE {figures["review.hybrid.mae"]:F3}, R² {figures["review.hybrid.r2"]:F3} " +
            $"(rule-based {figures["review.rule_overall.mse"]:F4}, training mean {figures["review.training_mean.mse"]:F4}), top-3 hires {figures["top3.neural"]:P0} " +
            $"(rule-based {figures["top3.rule_based"]:P0}), " +
            $"alpha {result.Spec.Alpha:F2}, {result.Spec.ClientIds.Count} clients / {result.Spec.CleanerIds.Count} cleaners mapped" +
            $"{(activeMse is { } a ? $" (active v{active!.Version} {a:F4})" : "")}, " + (activate ? "activated" : "not activated");
        return new TrainingOutcome((int)figures["epochs_run"], figures, registered.Version, activate, report);
    }

    private static string Metadata(TrainingJob job, IReadOnlyDictionary<string, double> figures, int train, int validation, int test, DateTimeOffset testFrom) =>
        JsonSerializer.Serialize(new
        {
            kind = CleanerMatchKind.KindName, run_id = job.RunId, source = Source, trained_at = DateTimeOffset.UtcNow,
            train_rows = train, validation_rows = validation, test_rows = test, test_from = testFrom, metrics = figures,
        });

    /// <summary>The active version's MSE on these test rows, or null if it cannot be run.</summary>
    private async Task<double?> ActiveMseAsync(ModelVersion active, IReadOnlyList<MatchRow> test, CancellationToken ct)
    {
        try
        {
            return ActiveVersionMeasure.CleanerMatchMse(await File.ReadAllBytesAsync(artifacts.Value.Resolve(active.ArtifactPath), ct), active.FeatureExtractor, test);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or ArgumentException or InvalidOperationException or JsonException)
        {
            logger.LogWarning("Active cleaner-match v{Version} cannot be measured on this run's test rows ({Reason}); the new version replaces it", active.Version, ex.Message);
            return null;
        }
    }
}
