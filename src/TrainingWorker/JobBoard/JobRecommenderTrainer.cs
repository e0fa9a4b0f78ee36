using System.Text.Json;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.JobBoard;

/// <summary>
/// Job-recommender runs (seed 002's ConvFM): the job board's read model as one snapshot, <see cref="JobRecommenderTraining"/>
/// (time split, spec fitted on the training part, batch size chosen on validation AUC, baselines on test), the three files,
/// a registered version, and activation when its test AUC beats the active version's on this run's test examples, both
/// measured by <see cref="JobRecommenderOnnxAuc"/> (or when none is active, or the active one cannot be run).
/// </summary>
public sealed class JobRecommenderTrainer(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    JobBoardSnapshotReader jobBoard,
    TrainedVersions versions,
    ILogger<JobRecommenderTrainer> logger) : IModelTrainer
{
    /// <summary>The seed's epoch limit; a run asking for more gets this many.</summary>
    public const int MaxEpochs = 50;
    /// <summary>The "larger if validation agrees" batch size tried beside the requested one.</summary>
    public const int LargerBatch = 256;
    private const string Source = "job board read model (interactions)";

    public string Kind => JobRecommenderKind.KindName;

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, string checkpointPath, ITrainingProgress progress, CancellationToken ct)
    {
        var parameters = job.Parameters;
        if (parameters.CsvFile is not null || parameters.SplitFile is not null)
            throw new TrainingDataException($"{Kind} trains on the job board read model only: csv_file and split_file are not supported for this kind.");

        var trainingOptions = new JobRecommenderTrainingOptions
        {
            Epochs = Math.Min(parameters.Epochs, MaxEpochs),
            BatchSizes = [.. new[] { parameters.BatchSize, LargerBatch }.Distinct()],
            Seed = options.Value.Seed,
        };
        var snapshot = await jobBoard.ReadAsync(ct);
        var data = JobRecommenderDataset.Build(snapshot, trainingOptions.Dataset);
        if (data.Fit.Count < parameters.MinSamples && !parameters.Force)
            throw new TrainingDataException($"{data.Fit.Count} training examples from the {Source}; min_samples is {parameters.MinSamples} (force to train anyway).");

        var result = await PipelineRun.RunAsync(checkpointPath, (data.Fit.Count, data.Validation.Count, data.Test.Count), progress,
            reports => Train(snapshot, trainingOptions, reports, ct), ct);
        var onnx = result.Onnx ?? throw new InvalidOperationException("The job-recommender pipeline returned no graph.");
        var specJson = result.Spec.ToJson();

        var testAuc = JobRecommenderOnnxAuc.Measure(onnx, specJson, data.Test, data);
        var figures = new Dictionary<string, double>(result.Report.Flatten())
        {
            ["epochs_run"] = result.Fit.EpochsRun,
            ["test.served_auc"] = testAuc,
        };
        var metadata = JsonSerializer.Serialize(new
        {
            kind = Kind, run_id = job.RunId, source = Source, trained_at = DateTimeOffset.UtcNow, train_rows = data.Fit.Count,
            validation_rows = data.Validation.Count, test_rows = data.Test.Count, report = result.Report, metrics = figures,
        });
        var registered = await versions.WriteAndRegisterAsync(Kind, job, NetworkModelFiles.Model,
            directory => NetworkModelFiles.WriteAsync(directory, onnx, specJson, metadata, ct), specJson, JsonSerializer.Serialize(figures),
            $"{Source}; {data.Fit.Count}/{data.Validation.Count}/{data.Test.Count} examples split by interaction time", ct);

        var active = registered.Active;
        var activeAuc = active is null ? null : await ActiveAucAsync(active, data, ct);
        if (activeAuc is { } measured) figures["active.served_auc"] = measured;
        var activate = active is null || activeAuc is null || testAuc > activeAuc;
        if (activate)
            await versions.ActivateAsync(Kind, registered, job, ct);

        var convFm = result.Report.Model(JobRecommenderTraining.ConvFm);
        var mf = result.Report.Model(JobRecommenderTraining.MatrixFactorization);
        var popularity = result.Report.Model(JobRecommenderTraining.Popularity);
        var report = $"v{registered.Version}: batch {result.Report.Selected.BatchSize} chosen on validation, {result.Fit.EpochsRun} epochs, test AUC {testAuc:F3} " +
            $"(MF {mf.Test.Auc:F3}, popularity {popularity.Test.Auc:F3}), recall@{convFm.Ranking.K} {convFm.Ranking.RecallAtK:F3}, NDCG@{convFm.Ranking.K} {convFm.Ranking.NdcgAtK:F3}, " +
            $"MRR {convFm.Ranking.Mrr:F3}; {result.Spec.UserIds.Count} users / {result.Spec.JobIds.Count} jobs / {result.Spec.Skills.Count} skills mapped" +
            $"{(activeAuc is { } a ? $" (active v{active!.Version} AUC {a:F3})" : "")}, " + (activate ? "activated" : "not activated");
        return new TrainingOutcome(result.Fit.EpochsRun, figures, registered.Version, activate, report);
    }

    /// <summary>Every candidate's epochs numbered on from the previous candidate's, so the run's curve is one sequence.</summary>
    private static JobRecommenderTrainingResult Train(JobBoardSnapshot snapshot, JobRecommenderTrainingOptions options, IProgress<EpochReport> reports, CancellationToken ct)
    {
        var offset = 0;
        var last = 0;
        string? run = null;
        var progress = new SynchronousProgress(p =>
        {
            if (p.Run != run)
            {
                (run, offset) = (p.Run, offset + last);
                last = 0;
            }
            last = p.Epoch.Epoch;
            reports.Report(p.Epoch with { Epoch = offset + p.Epoch.Epoch });
        });
        return JobRecommenderTraining.Run(snapshot, options, progress, truth: null, ct);
    }

    /// <summary>The active version's AUC on this run's test examples, or null if it cannot be run.</summary>
    private async Task<double?> ActiveAucAsync(ModelVersion active, JobRecommenderDataset data, CancellationToken ct)
    {
        try
        {
            return JobRecommenderOnnxAuc.Measure(await File.ReadAllBytesAsync(artifacts.Value.Resolve(active.ArtifactPath), ct), active.FeatureExtractor, data.Test, data);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or ArgumentException or InvalidOperationException or JsonException or KeyNotFoundException)
        {
            logger.LogWarning("Active {Kind} v{Version} cannot be measured on this run's test examples ({Reason}); the new version replaces it", Kind, active.Version, ex.Message);
            return null;
        }
    }

    /// <summary>Calls back on the training thread, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<JobRecommenderProgress> report) : IProgress<JobRecommenderProgress>
    {
        public void Report(JobRecommenderProgress value) => report(value);
    }
}
