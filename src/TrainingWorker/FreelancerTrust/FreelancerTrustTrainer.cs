using System.Text.Json;
using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Predictions.Text;
using iAyos.Messaging.Training.FreelancerTrust;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.FreelancerTrust;

/// <summary>
/// Freelancer-trust runs (seed 003's LSTM): a labelled-profile JSONL file from the data directory (csv_file names it;
/// <see cref="DefaultFile"/> otherwise), embedded by the process's sentence encoder (cached beside the file),
/// <see cref="TrustTraining"/>, the three files, a registered version, and activation when its test accuracy beats the
/// active version's on this run's test rows (or when none is active, or the active one cannot be run on them).
/// </summary>
public sealed class FreelancerTrustTrainer(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    ITextEmbedder embedder,
    TrainedVersions versions,
    ILogger<FreelancerTrustTrainer> logger) : IModelTrainer
{
    public const string DefaultFile = "trust-profiles.jsonl";
    /// <summary>The seed's epoch limit; a run asking for more gets this many.</summary>
    public const int MaxEpochs = 50;
    /// <summary>The encoder the served vectors come from; the spec records it and the cache is keyed by it.</summary>
    public static readonly string Encoder = new TrustFeatureSpec().Encoder;

    public string Kind => FreelancerTrustKind.KindName;

    /// <summary>LSTM widths; the seed's. Tests set smaller ones.</summary>
    public IReadOnlyList<int> Units { get; init; } = [256, 128, 64];

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, string checkpointPath, ITrainingProgress progress, CancellationToken ct)
    {
        var parameters = job.Parameters;
        var configuration = parameters.Configuration ?? TrustConfigurations.Seed;
        if (!TrustConfigurations.All.Contains(configuration))
            throw new TrainingDataException($"configuration '{configuration}' is not a freelancer-trust configuration ({string.Join(", ", TrustConfigurations.All)}).");
        if (parameters.SplitFile is not null)
            throw new TrainingDataException($"{Kind} splits its profiles itself (70/15/15 stratified): split_file is not supported for this kind.");
        var name = parameters.CsvFile ?? DefaultFile;
        var path = DataFiles.Resolve(options.Value.DataDirectory, name, "csv_file");
        IReadOnlyList<LabelledTrustProfile> profiles;
        try
        {
            profiles = TrustProfileFile.Read(path);
        }
        catch (InvalidDataException ex)
        {
            throw new TrainingDataException($"Cannot train on {name}: {ex.Message}");
        }
        var data = await Task.Run(() => TrustDataset.Build(profiles, embedder, Encoder, TrustEmbeddingCache.PathFor(path, Encoder), ct: ct), ct);
        var split = TrustSplit.Stratified([.. data.Examples.Select(e => e.Trustworthy)], options.Value.Seed);
        if (split.Train.Count < parameters.MinSamples && !parameters.Force)
            throw new TrainingDataException($"{split.Train.Count} training profiles in {name} ({data.Rejected.Count} refused); min_samples is {parameters.MinSamples} (force to train anyway).");

        var trainingOptions = new TrustTrainingOptions
        {
            Epochs = Math.Min(parameters.Epochs, MaxEpochs), BatchSize = parameters.BatchSize, Seed = options.Value.Seed,
            Configuration = configuration, Units = Units,
        };
        TrustTrainingResult result;
        try
        {
            result = await PipelineRun.RunAsync(checkpointPath, (split.Train.Count, split.Validation.Count, split.Test.Count), progress,
                reports => TrustTraining.Run(data, trainingOptions, new ShippedEpochs(TrustTraining.NetworkName(configuration), reports), ct), ct);
        }
        catch (ArgumentException ex)
        {
            throw new TrainingDataException($"Cannot train on {name}: {ex.Message}");
        }
        var specJson = result.Spec.ToJson();
        var test = result.Split.Test.Select(i => data.Examples[i]).ToList();
        var testAccuracy = TrustOnnxAccuracy.Measure(result.Onnx, specJson, data, test);
        var figures = new Dictionary<string, double>(result.Report.Flatten())
        {
            ["epochs_run"] = result.Fit.EpochsRun,
            ["test.served_accuracy"] = testAccuracy,
        };
        var source = $"{name} ({data.Examples.Count} profiles, {data.Rejected.Count} refused)";
        var metadata = JsonSerializer.Serialize(new
        {
            kind = Kind, run_id = job.RunId, source, trained_at = DateTimeOffset.UtcNow, configuration, train_rows = split.Train.Count,
            validation_rows = split.Validation.Count, test_rows = split.Test.Count, report = result.Report, metrics = figures,
        });
        var registered = await versions.WriteAndRegisterAsync(Kind, job, NetworkModelFiles.Model,
            directory => NetworkModelFiles.WriteAsync(directory, result.Onnx, specJson, metadata, ct), specJson, JsonSerializer.Serialize(figures),
            $"{source}; {split.Train.Count}/{split.Validation.Count}/{split.Test.Count} profiles split 70/15/15 stratified", ct);

        var active = registered.Active;
        var activeAccuracy = active is null ? null : await ActiveAccuracyAsync(active, data, test, ct);
        if (activeAccuracy is { } measured) figures["active.served_accuracy"] = measured;
        var activate = active is null || activeAccuracy is null || testAccuracy > activeAccuracy;
        if (activate)
            await versions.ActivateAsync(Kind, registered, job, ct);

        var rules = result.Report.Model(TrustTraining.Rules);
        var logistic = result.Report.Model(TrustTraining.Logistic);
        var network = result.Report.Model(TrustTraining.NetworkName(configuration));
        var report = $"v{registered.Version} ({configuration}): {result.Fit.EpochsRun} epochs (best {result.Fit.BestEpoch}), test accuracy {testAccuracy:F3}, " +
            $"AUC {network.Test.Auc:F3} (rules {rules.Test.Accuracy:F3}, logistic {logistic.Test.Accuracy:F3}" +
            $"{(result.Report.BestAchievableAccuracy is { } best ? $", best achievable {best:F3}" : "")})" +
            $"{(activeAccuracy is { } a ? $", active v{active!.Version} {a:F3}" : "")}; {data.Rejected.Count} profiles refused; " + (activate ? "activated" : "not activated");
        return new TrainingOutcome(result.Fit.EpochsRun, figures, registered.Version, activate, report);
    }

    /// <summary>The active version's accuracy on this run's test rows, or null if it cannot be run on them.</summary>
    private async Task<double?> ActiveAccuracyAsync(ModelVersion active, TrustDataset data, IReadOnlyList<TrustExample> test, CancellationToken ct)
    {
        try
        {
            return TrustOnnxAccuracy.Measure(await File.ReadAllBytesAsync(artifacts.Value.Resolve(active.ArtifactPath), ct), active.FeatureExtractor, data, test);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or ArgumentException or InvalidOperationException or JsonException)
        {
            logger.LogWarning("Active {Kind} v{Version} cannot be measured on this run's test rows ({Reason}); the new version replaces it", Kind, active.Version, ex.Message);
            return null;
        }
    }

    /// <summary>Passes on the shipped network's epochs only (the baselines' fits are not the run's curve), on the training thread.</summary>
    private sealed class ShippedEpochs(string run, IProgress<EpochReport> reports) : IProgress<TrustProgress>
    {
        public void Report(TrustProgress value)
        {
            if (value.Run == run) reports.Report(value.Epoch);
        }
    }
}
