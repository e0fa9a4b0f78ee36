using System.Text.Json;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Training.CleaningMarketplace;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.CleaningMarketplace;

/// <summary>What one cleaning pipeline run hands back to its trainer: the graph, its spec JSON, the report's figures, and
/// what the report line says of the spec (e.g. alpha and the mapped ids).</summary>
public sealed record CleaningNetworkRun(byte[] Onnx, string SpecJson, IReadOnlyDictionary<string, double> Figures, string SpecSummary = "");

/// <summary>
/// A training run of a cleaning network: the marketplace read model as one snapshot, the kind's rows split by posting
/// time, its pipeline, the three files in the artifacts directory, a registered version, and activation when its test
/// metric (lower is better) beats the active version's on this run's test rows, measured by the same function (or when
/// none is active, or the active one cannot be run). A kind supplies its rows, pipeline, metric and report line.
/// </summary>
public abstract class CleaningNetworkTrainer<TRow>(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    MarketplaceSnapshotReader marketplace,
    TrainedVersions versions,
    ILogger logger) : IModelTrainer
{
    public abstract string Kind { get; }

    /// <summary>What the rows are, for the registry's training_data and refusals ("cleaning marketplace read model (accepted bids)").</summary>
    protected abstract string Source { get; }

    /// <summary>The rows named in a "too few" refusal ("reviewed hires").</summary>
    protected abstract string RowsName { get; }

    protected abstract int MinimumFitRows { get; }

    /// <summary>The figure key the test metric is reported under, without its "test."/"active." prefix ("served_mse").</summary>
    protected abstract string MetricName { get; }

    protected abstract TimeSplit<TRow> Rows(CleaningMarketplaceDataset data);

    protected abstract CleaningNetworkRun Train(CleaningMarketplaceDataset data, int epochs, int batchSize, int seed, string checkpointPath,
        IProgress<iAyos.Messaging.Engine.Training.EpochReport> reports, CancellationToken ct);

    /// <summary>The test metric of a version's graph on these rows, as serving runs it.</summary>
    protected abstract double Measure(byte[] onnx, string specJson, IReadOnlyList<TRow> test);

    /// <summary>The run's one-line report, before the active version's figure and the activation.</summary>
    protected abstract string Report(int version, CleaningNetworkRun run, double testMetric);

    /// <summary>How the metric is written in the report line.</summary>
    protected abstract string Format(double metric);

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, string checkpointPath, ITrainingProgress progress, CancellationToken ct)
    {
        var parameters = job.Parameters;
        if (parameters.CsvFile is not null || parameters.SplitFile is not null)
            throw new TrainingDataException($"{Kind} trains on the cleaning marketplace read model only: csv_file and split_file are not supported for this kind.");

        var data = CleaningMarketplaceDataset.Build(await marketplace.ReadAsync(ct));
        var split = Rows(data);
        if (split.Fit.Count < parameters.MinSamples && !parameters.Force)
            throw new TrainingDataException($"{split.Fit.Count} training rows from the {Source}; min_samples is {parameters.MinSamples} (force to train anyway).");
        if (split.Fit.Count < MinimumFitRows || split.Validation.Count == 0 || split.Test.Count == 0)
            throw new TrainingDataException($"Too few {RowsName} in the {Source}: {split.Fit.Count} training, {split.Validation.Count} validation, {split.Test.Count} test.");

        var run = await PipelineRun.RunAsync(checkpointPath, (split.Fit.Count, split.Validation.Count, split.Test.Count), progress,
            reports => Train(data, parameters.Epochs, parameters.BatchSize, options.Value.Seed, checkpointPath, reports, ct), ct);

        // Both versions are measured by one function on this run's test rows.
        var testMetric = Measure(run.Onnx, run.SpecJson, split.Test);
        var figures = new Dictionary<string, double>(run.Figures) { [$"test.{MetricName}"] = testMetric };
        var metadata = JsonSerializer.Serialize(new
        {
            kind = Kind, run_id = job.RunId, source = Source, trained_at = DateTimeOffset.UtcNow, train_rows = split.Fit.Count,
            validation_rows = split.Validation.Count, test_rows = split.Test.Count, test_from = data.TestFrom, metrics = figures,
        });
        var registered = await versions.WriteAndRegisterAsync(Kind, job, NetworkModelFiles.Model,
            directory => NetworkModelFiles.WriteAsync(directory, run.Onnx, run.SpecJson, metadata, ct), run.SpecJson, JsonSerializer.Serialize(figures),
            $"{Source}; {split.Fit.Count}/{split.Validation.Count}/{split.Test.Count} rows split by posting time, test from {data.TestFrom:yyyy-MM-dd}", ct);

        var active = registered.Active;
        var activeMetric = active is null ? null : await ActiveMetricAsync(active, split.Test, ct);
        if (activeMetric is { } measured) figures[$"active.{MetricName}"] = measured;
        var activate = active is null || activeMetric is null || testMetric < activeMetric;
        if (activate)
            await versions.ActivateAsync(Kind, registered, job, ct);

        var report = Report(registered.Version, run with { Figures = figures }, testMetric)
            + $"{(activeMetric is { } a ? $" (active v{active!.Version} {Format(a)})" : "")}, " + (activate ? "activated" : "not activated");
        return new TrainingOutcome((int)figures["epochs_run"], figures, registered.Version, activate, report);
    }

    /// <summary>The active version's metric on these test rows, or null if it cannot be run.</summary>
    private async Task<double?> ActiveMetricAsync(ModelVersion active, IReadOnlyList<TRow> test, CancellationToken ct)
    {
        try
        {
            return Measure(await File.ReadAllBytesAsync(artifacts.Value.Resolve(active.ArtifactPath), ct), active.FeatureExtractor, test);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or ArgumentException or InvalidOperationException or JsonException)
        {
            logger.LogWarning("Active {Kind} v{Version} cannot be measured on this run's test rows ({Reason}); the new version replaces it", Kind, active.Version, ex.Message);
            return null;
        }
    }
}
