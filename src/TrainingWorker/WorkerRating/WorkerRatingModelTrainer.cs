using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Training.WorkerRating;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.WorkerRating;

/// <summary>
/// A worker-rating training run: rows from the read model's worker timelines (next-window target, temporal split) or
/// from a freelancer CSV in the data directory (snapshot composite target, split file), the pipeline, the three files,
/// a registered version, and activation by <see cref="WorkerRatingActivation"/>.
/// </summary>
public sealed class WorkerRatingModelTrainer(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    WorkerTimelineReader timelines,
    TrainedVersions versions,
    ILogger<WorkerRatingModelTrainer> logger) : IModelTrainer
{
    public string Kind => WorkerRatingKind.KindName;

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, string checkpointPath, ITrainingProgress progress, CancellationToken ct)
    {
        var parameters = job.Parameters;
        var configuration = parameters.Configuration ?? WorkerRatingConfigurations.Served;
        if (configuration is not (WorkerRatingConfigurations.Served or WorkerRatingConfigurations.Seed))
            throw new TrainingDataException($"configuration '{configuration}' is not a worker-rating configuration (served or seed).");
        var data = await LoadAsync(job, ct);
        if (data.Train.Count < parameters.MinSamples && !parameters.Force)
            throw new TrainingDataException($"{data.Train.Count} training rows from {data.Source}; min_samples is {parameters.MinSamples} (force to train anyway).");

        var request = new WorkerRatingTrainingRequest(data, configuration, parameters.Epochs, parameters.BatchSize, options.Value.Seed, checkpointPath);
        var result = await PipelineRun.RunAsync(checkpointPath, (data.Train.Count, data.Validation.Count, data.Test.Count), progress,
            reports => WorkerRatingModelTraining.Train(request, reports, ct), ct);

        var metadata = WorkerRatingModelMetadata.From(result, request, job.RunId);
        var registered = await versions.WriteAndRegisterAsync(Kind, job, WorkerRatingModelFiles.Model,
            directory => WorkerRatingModelFiles.WriteAsync(directory, result, metadata, ct), result.Spec.ToJson(), metadata.ToJson(),
            $"{data.Source}; split {data.Split}", ct);
        var version = registered.Version;

        var figures = new Dictionary<string, double>(metadata.Flatten());
        var active = registered.Active;
        var activeMae = active is null ? null : ActiveModelMae(active, data.Test);
        if (activeMae is { } mae) figures["active.mae"] = Math.Round(mae, 3);
        var decision = WorkerRatingActivation.Decide(metadata.Leaking, result, active is not null, activeMae);
        if (decision.Activate)
            await versions.ActivateAsync(Kind, registered, job, ct);

        var report = $"{configuration}{(metadata.Leaking ? " (leaking: inputs hold the target's components)" : "")} v{version}: {result.Fit.EpochsRun} epochs, " +
            $"test MAE {result.Test.Mae:F2} points (mean baseline {result.MeanBaseline.Mae:F2}, fallback {result.Heuristic.Mae:F2}" +
            $"{(activeMae is { } a ? $", active v{active!.Version} {a:F2}" : "")}), {(decision.Activate ? "activated" : "not activated")}: {decision.Reason}";
        return new TrainingOutcome(result.Fit.EpochsRun, figures, version, decision.Activate, report);
    }

    private async Task<WorkerRatingDataset> LoadAsync(TrainingJob job, CancellationToken ct)
    {
        if (job.Parameters.CsvFile is { } csvName)
        {
            var dataDirectory = options.Value.DataDirectory;
            var csv = DataFiles.Resolve(dataDirectory, csvName, "csv_file");
            var split = job.Parameters.SplitFile is { } splitName ? DataFiles.Resolve(dataDirectory, splitName, "split_file") : null;
            try
            {
                return WorkerRatingDataset.FromCsv(csv, split, options.Value.Seed);
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or ArgumentException)
            {
                throw new TrainingDataException($"Cannot train on {csvName}: {ex.Message}");
            }
        }
        if (job.Parameters.SplitFile is not null)
            throw new TrainingDataException("split_file needs a csv_file: the read model is split by time.");
        var all = await timelines.ReadAllAsync(ct);
        try
        {
            return WorkerRatingDataset.FromTimelines(all.Values.ToList(), "iayos worker timelines (read model)");
        }
        catch (ArgumentException ex)
        {
            throw new TrainingDataException($"Cannot train on the read model: {ex.Message}");
        }
    }

    /// <summary>The active version's MAE in points on these test rows, from the inputs a served request carries, or null if it cannot be run.</summary>
    private double? ActiveModelMae(ModelVersion active, IReadOnlyList<WorkerRatingRow> test)
    {
        try
        {
            var spec = WorkerRatingFeatureSpec.Parse(active.FeatureExtractor);
            using var session = OnnxSession.FromFile(artifacts.Value.Resolve(active.ArtifactPath));
            return WorkerRatingActivation.Mae(session, spec, test);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or ArgumentException or System.Text.Json.JsonException)
        {
            logger.LogWarning("Active worker-rating v{Version} cannot be measured on this run's test rows ({Reason}); it counts as beaten", active.Version, ex.Message);
            return null;
        }
    }
}
