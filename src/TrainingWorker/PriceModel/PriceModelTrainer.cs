using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Training.PriceModel;
using iAyos.Messaging.TrainingWorker.Jobs;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.PriceModel;

/// <summary>
/// A price-budget training run: rows from a CSV in the data directory (or completed iAyos jobs), the pipeline,
/// the three files in the artifacts directory, a registered version, and activation when it beats the active
/// version's suggested-price MAE on this run's test rows (or when none is active).
/// </summary>
public sealed class PriceModelTrainer(
    IOptions<TrainingJobOptions> options,
    IOptions<ModelArtifacts> artifacts,
    IayosJobsSource jobs,
    ICategoryCatalogProvider categories,
    TrainedVersions versions,
    ILogger<PriceModelTrainer> logger) : IModelTrainer
{
    public string Kind => PriceBudgetKind.KindName;

    public async Task<TrainingOutcome> TrainAsync(TrainingJob job, string checkpointPath, ITrainingProgress progress, CancellationToken ct)
    {
        var parameters = job.Parameters;
        var configuration = parameters.Configuration ?? PriceFeatureConfigurations.Served;
        if (configuration is not (PriceFeatureConfigurations.Served or PriceFeatureConfigurations.Seed))
            throw new TrainingDataException($"configuration '{configuration}' is not a price configuration (served or seed).");
        var (data, source) = await LoadAsync(job, ct);
        if (data.Train.Count < parameters.MinSamples && !parameters.Force)
            throw new TrainingDataException($"{data.Train.Count} training rows from {source}; min_samples is {parameters.MinSamples} (force to train anyway).");

        var request = new PriceTrainingRequest(data, configuration, parameters.Epochs, parameters.BatchSize, options.Value.Seed, checkpointPath);
        var result = await PipelineRun.RunAsync(checkpointPath, (data.Train.Count, data.Validation.Count, data.Test.Count), progress,
            reports => PriceModelTraining.Train(request, reports, ct), ct);

        var metadata = PriceModelMetadata.From(result, request, source, job.RunId) with { Fallback = FallbackMetrics(data.Test) };
        var registered = await versions.WriteAndRegisterAsync(Kind, job, PriceModelFiles.Model,
            directory => PriceModelFiles.WriteAsync(directory, result, metadata, ct), result.Spec.ToJson(), metadata.ToJson(),
            $"{source}; split {data.Split}", ct);
        var version = registered.Version;

        var figures = new Dictionary<string, double>(metadata.Flatten());
        var active = registered.Active;
        var activeMae = active is null ? null : ActiveModelMae(active, data.Test);
        if (activeMae is { } mae) figures["active.suggested_price.mae"] = Math.Round(mae, 2);
        var activate = active is null || activeMae is null || result.Test.Suggested.Mae < activeMae;
        if (activate)
            await versions.ActivateAsync(Kind, registered, job, ct);

        var report = $"{configuration} v{version}: {result.Fit.EpochsRun} epochs, test suggested MAE {result.Test.Suggested.Mae:F0} PHP " +
            $"(baseline {result.Baseline.Suggested.Mae:F0}{(activeMae is { } a ? $", active v{active!.Version} {a:F0}" : "")}), " +
            (activate ? "activated" : "not activated");
        return new TrainingOutcome(result.Fit.EpochsRun, figures, version, activate, report);
    }

    private async Task<(PriceDataset Data, string Source)> LoadAsync(TrainingJob job, CancellationToken ct)
    {
        var dataDirectory = options.Value.DataDirectory;
        if (job.Parameters.CsvFile is { } csvName)
        {
            var csv = DataFiles.Resolve(dataDirectory, csvName, "csv_file");
            var split = job.Parameters.SplitFile is { } splitName ? DataFiles.Resolve(dataDirectory, splitName, "split_file") : null;
            try
            {
                return (PriceDataset.FromCsv(csv, split, options.Value.Seed), csvName);
            }
            catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or ArgumentException)
            {
                throw new TrainingDataException($"Cannot train on {csvName}: {ex.Message}");
            }
        }
        if (job.Parameters.SplitFile is not null)
            throw new TrainingDataException("split_file needs a csv_file: iAyos jobs are split by seed.");
        return (await jobs.LoadAsync(options.Value.Seed, ct), "iayos.jobs (completed)");
    }

    /// <summary>What the InferenceWorker answers without a model, on the same test rows.</summary>
    private PriceMetrics FallbackMetrics(IReadOnlyList<PriceTrainingRow> test)
    {
        var catalog = categories.Current;
        var predicted = test.Select(r => PriceFallbackEstimator.Estimate(
                PriceRequestValidator.Validate(r.Request) is { IsValid: true, Value: { } valid } ? valid : r.Request, catalog, PredictionSources.Fallback))
            .Select(p => (IReadOnlyList<double>)[(double)p.MinPrice, (double)p.SuggestedPrice, (double)p.MaxPrice])
            .ToList();
        return PriceMetrics.Compute(predicted, test);
    }

    /// <summary>The active version's suggested-price MAE on these test rows, or null if it cannot be run.</summary>
    private double? ActiveModelMae(ModelVersion active, IReadOnlyList<PriceTrainingRow> test)
    {
        try
        {
            var spec = PriceFeatureSpec.Parse(active.FeatureExtractor);
            using var session = OnnxSession.FromFile(artifacts.Value.Resolve(active.ArtifactPath));
            var x = PriceFeatures.ExtractBatch(test.Select(r => r.Request).ToList(), spec);
            var output = session.Run(spec.InputName, new OnnxTensor(x, test.Count, spec.FeatureCount), [spec.OutputName])[0];
            var predicted = PriceModelTraining.ToPrices(new Tensor(output.Data, test.Count, 3));
            return test.Select((r, i) => Math.Abs(predicted[i][1] - r.Prices[1])).Average();
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or ArgumentException or System.Text.Json.JsonException)
        {
            logger.LogWarning("Active price-budget v{Version} cannot be measured on this run's test rows ({Reason}); the new version replaces it", active.Version, ex.Message);
            return null;
        }
    }
}
