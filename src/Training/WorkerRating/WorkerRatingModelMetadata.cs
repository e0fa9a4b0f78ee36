using System.Text.Json;
using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>metadata.json beside a worker-rating model, also stored as the version's metrics in the registry.</summary>
public sealed record WorkerRatingModelMetadata
{
    [JsonPropertyName("model")] public string Model { get; init; } = "worker-rating";
    [JsonPropertyName("configuration")] public required string Configuration { get; init; }
    /// <summary>True for the seed's configuration on a snapshot source: its inputs hold the target's own components.</summary>
    [JsonPropertyName("leaking")] public required bool Leaking { get; init; }
    [JsonPropertyName("target")] public required string Target { get; init; }
    [JsonPropertyName("features")] public required IReadOnlyList<string> Features { get; init; }
    [JsonPropertyName("network")] public required string Network { get; init; }
    [JsonPropertyName("candidates")] public required IReadOnlyList<WorkerRatingCandidate> Candidates { get; init; }
    [JsonPropertyName("trained_at")] public required DateTimeOffset TrainedAt { get; init; }
    [JsonPropertyName("data_source")] public required string DataSource { get; init; }
    [JsonPropertyName("split")] public required string Split { get; init; }
    [JsonPropertyName("train_samples")] public required int TrainSamples { get; init; }
    [JsonPropertyName("validation_samples")] public required int ValidationSamples { get; init; }
    [JsonPropertyName("test_samples")] public required int TestSamples { get; init; }
    [JsonPropertyName("training_seconds")] public required double TrainingSeconds { get; init; }
    [JsonPropertyName("epochs_run")] public required int EpochsRun { get; init; }
    [JsonPropertyName("best_epoch")] public required int BestEpoch { get; init; }
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    /// <summary>The model on test rows, in score points.</summary>
    [JsonPropertyName("test")] public required WorkerRatingMetrics Test { get; init; }
    /// <summary>The mean of training targets on the same rows.</summary>
    [JsonPropertyName("baseline")] public required WorkerRatingMetrics Baseline { get; init; }
    /// <summary>The heuristic fallback (the seed's points table) on the same rows.</summary>
    [JsonPropertyName("fallback")] public required WorkerRatingMetrics Fallback { get; init; }
    [JsonPropertyName("validation_mae")] public required double ValidationMae { get; init; }
    [JsonPropertyName("validation_mean_mae")] public required double ValidationMeanMae { get; init; }
    [JsonPropertyName("onnx_max_abs_error")] public required double OnnxMaxAbsError { get; init; }
    [JsonPropertyName("cleaning")] public FreelancerRatingCsvReport? Cleaning { get; init; }
    [JsonPropertyName("run_id")] public Guid? RunId { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WorkerRatingModelMetadata From(WorkerRatingPipelineResult result, WorkerRatingTrainingRequest request, Guid? runId) => new()
    {
        Configuration = request.Configuration,
        Leaking = IsLeaking(request),
        Target = result.Spec.Target ?? "",
        Features = result.Spec.FeatureNames,
        Network = result.NetworkName,
        Candidates = result.Candidates,
        TrainedAt = DateTimeOffset.UtcNow,
        DataSource = request.Data.Source,
        Split = request.Data.Split,
        TrainSamples = request.Data.Train.Count,
        ValidationSamples = request.Data.Validation.Count,
        TestSamples = request.Data.Test.Count,
        TrainingSeconds = Math.Round(result.Wall.TotalSeconds, 2),
        EpochsRun = result.Fit.EpochsRun,
        BestEpoch = result.Fit.BestEpoch,
        Seed = request.Seed,
        Test = result.Test,
        Baseline = result.MeanBaseline,
        Fallback = result.Heuristic,
        ValidationMae = result.ValidationMae,
        ValidationMeanMae = result.ValidationMeanMae,
        OnnxMaxAbsError = result.OnnxMaxAbsError,
        Cleaning = request.Data.Cleaning,
        RunId = runId,
    };

    /// <summary>The seed's configuration on a source without history is fed the target's own components.</summary>
    public static bool IsLeaking(WorkerRatingTrainingRequest request) =>
        request.Configuration == Predictions.WorkerRating.WorkerRatingConfigurations.Seed && !request.Data.HasHistory;

    /// <summary>Flat "test.mae"-style figures for the TrainingCompleted event.</summary>
    public IReadOnlyDictionary<string, double> Flatten()
    {
        var figures = new Dictionary<string, double>
        {
            ["epochs_run"] = EpochsRun,
            ["training_seconds"] = TrainingSeconds,
            ["onnx_max_abs_error"] = OnnxMaxAbsError,
            ["leaking"] = Leaking ? 1 : 0,
            ["validation.mae"] = ValidationMae,
            ["validation.mean_baseline.mae"] = ValidationMeanMae,
            ["train_samples"] = TrainSamples,
            ["validation_samples"] = ValidationSamples,
            ["test_samples"] = TestSamples,
        };
        foreach (var (prefix, m) in new[] { ("test", Test), ("baseline", Baseline), ("fallback", Fallback) })
        {
            figures[$"{prefix}.mae"] = m.Mae;
            figures[$"{prefix}.rmse"] = m.Rmse;
            figures[$"{prefix}.coverage"] = m.Coverage;
            figures[$"{prefix}.interval_half_width"] = m.IntervalHalfWidth;
        }
        return figures;
    }
}
