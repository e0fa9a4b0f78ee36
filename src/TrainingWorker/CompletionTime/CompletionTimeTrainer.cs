using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Platform.ServiceJobs;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Training.CompletionTimeModel;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.CompletionTime;

/// <summary>
/// A completion-time training run: completed jobs and worker timelines from the read model (each worker's history as
/// of each job's start), the pipeline, the three files in the artifacts directory, a registered version, and
/// activation when it beats the active version's MAE in hours on this run's test rows (or when none is active).
/// </summary>
public sealed class CompletionTimeTrainer(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    ServiceJobReader jobs,
    WorkerTimelineReader timelines,
    CategoryDefaultsReader categories,
    TrainedVersions versions,
    ILogger<CompletionTimeTrainer> logger) : IModelTrainer
{
    private const string Source = "iayos read model (completed service jobs, worker timelines)";

    public string Kind => CompletionTimeKind.KindName;

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, string checkpointPath, ITrainingProgress progress, CancellationToken ct)
    {
        var parameters = job.Parameters;
        if (parameters.CsvFile is not null || parameters.SplitFile is not null)
            throw new TrainingDataException("completion-time trains on the iAyos read model only: csv_file and split_file are not supported for this kind.");
        var configuration = parameters.Configuration ?? CompletionTimeFeatureConfigurations.Served;
        if (configuration is not (CompletionTimeFeatureConfigurations.Served or CompletionTimeFeatureConfigurations.Seed))
            throw new TrainingDataException($"configuration '{configuration}' is not a completion-time configuration (served or seed).");

        var data = CompletionTimeDataset.FromJobs(await jobs.ReadCompletedAsync(ct), await timelines.ReadAllAsync(ct));
        if (data.Train.Count < parameters.MinSamples && !parameters.Force)
            throw new TrainingDataException($"{data.Train.Count} training rows from {Source}; min_samples is {parameters.MinSamples} (force to train anyway).");
        if (data.Train.Count < 10 || data.Validation.Count == 0 || data.Test.Count == 0)
            throw new TrainingDataException($"Too few completed jobs with start and completion times: {data.Train.Count} training, {data.Validation.Count} validation, {data.Test.Count} test.");

        var request = new CompletionTimeTrainingRequest(data, configuration, await categories.ReadAsync(ct), parameters.Epochs, parameters.BatchSize,
            options.Value.Seed, checkpointPath);
        var result = await PipelineRun.RunAsync(checkpointPath, (data.Train.Count, data.Validation.Count, data.Test.Count), progress,
            reports => CompletionTimeModelTraining.Train(request, reports, ct), ct);

        var metadata = CompletionTimeModelMetadata.From(result, request, Source, job.RunId);
        var registered = await versions.WriteAndRegisterAsync(Kind, job, CompletionTimeModelFiles.Model,
            directory => CompletionTimeModelFiles.WriteAsync(directory, result, metadata, ct), result.Spec.ToJson(), metadata.ToJson(),
            $"{Source}; split {data.Split}", ct);
        var version = registered.Version;

        var figures = new Dictionary<string, double>(metadata.Flatten());
        var active = registered.Active;
        var activeMae = active is null ? null : ActiveModelMae(active, data.Test);
        if (activeMae is { } mae) figures["active.mae_hours"] = Math.Round(mae, 3);
        var activate = active is null || activeMae is null || result.Test.MaeHours < activeMae;
        if (activate)
            await versions.ActivateAsync(Kind, registered, job, ct);

        var report = $"{configuration} v{version}: {result.Fit.EpochsRun} epochs, test MAE {result.Test.MaeHours:F2} h, 75% interval covers {result.Test.Coverage:P0} " +
            $"(category median {result.CategoryMedian.MaeHours:F2} h, fallback {result.Fallback.MaeHours:F2} h" +
            $"{(activeMae is { } a ? $", active v{active!.Version} {a:F2} h" : "")}), " + (activate ? "activated" : "not activated");
        return new TrainingOutcome(result.Fit.EpochsRun, figures, version, activate, report);
    }

    /// <summary>The active version's MAE in hours on these test rows, or null if it cannot be run.</summary>
    private double? ActiveModelMae(ModelVersion active, IReadOnlyList<CompletionTimeTrainingRow> test)
    {
        try
        {
            var spec = CompletionTimeFeatureSpec.Parse(active.FeatureExtractor);
            using var session = OnnxSession.FromFile(artifacts.Value.Resolve(active.ArtifactPath));
            var (x, _) = CompletionTimeModelTraining.Tensors(test, spec);
            var output = session.Run(spec.InputName, new OnnxTensor(x.Data, test.Count, spec.FeatureCount), [spec.OutputName])[0];
            var predicted = CompletionTimeModelTraining.Predictions(new Tensor(output.Data, test.Count, 1), spec);
            return test.Select((r, i) => Math.Abs(predicted[i].Hours - r.Hours)).Average();
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or ArgumentException or System.Text.Json.JsonException)
        {
            logger.LogWarning("Active completion-time v{Version} cannot be measured on this run's test rows ({Reason}); the new version replaces it", active.Version, ex.Message);
            return null;
        }
    }
}
