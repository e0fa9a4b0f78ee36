using System.Text.Json;
using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>
/// metadata.json beside a completion-time model (when, from what, how long, how many epochs, test metrics beside
/// the category median and the fallback, the calibrated interval), also stored as the version's metrics in the registry.
/// </summary>
public sealed record CompletionTimeModelMetadata
{
    [JsonPropertyName("model")] public string Model { get; init; } = "completion-time";
    [JsonPropertyName("configuration")] public required string Configuration { get; init; }
    [JsonPropertyName("trained_at")] public required DateTimeOffset TrainedAt { get; init; }
    [JsonPropertyName("data_source")] public required string DataSource { get; init; }
    [JsonPropertyName("split")] public required string Split { get; init; }
    [JsonPropertyName("train_samples")] public required int TrainSamples { get; init; }
    [JsonPropertyName("validation_samples")] public required int ValidationSamples { get; init; }
    [JsonPropertyName("test_samples")] public required int TestSamples { get; init; }
    /// <summary>Completed jobs left out (no start time, or a non-positive duration).</summary>
    [JsonPropertyName("skipped_jobs")] public required int SkippedJobs { get; init; }
    [JsonPropertyName("training_seconds")] public required double TrainingSeconds { get; init; }
    [JsonPropertyName("epochs_run")] public required int EpochsRun { get; init; }
    [JsonPropertyName("best_epoch")] public required int BestEpoch { get; init; }
    [JsonPropertyName("best_val_loss")] public required double BestValidationLoss { get; init; }
    /// <summary>MSE of log1p(hours) on validation rows without the L2 term: how configurations are compared.</summary>
    [JsonPropertyName("validation_mse")] public required double ValidationMse { get; init; }
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    /// <summary>"split-conformal on validation |log1p residuals|": how the 75% interval was calibrated.</summary>
    [JsonPropertyName("interval_method")] public string IntervalMethod { get; init; } = "split-conformal on validation |log1p(hours) residuals|";
    [JsonPropertyName("interval_half_width")] public required double IntervalHalfWidth { get; init; }
    /// <summary>Test rows, in hours.</summary>
    [JsonPropertyName("test")] public required CompletionTimeMetrics Test { get; init; }
    /// <summary>The training rows' category median on the same test rows.</summary>
    [JsonPropertyName("category_median")] public required CompletionTimeMetrics CategoryMedian { get; init; }
    /// <summary>The fallback estimator with category statistics from the training rows, on the same test rows.</summary>
    [JsonPropertyName("fallback")] public required CompletionTimeMetrics Fallback { get; init; }
    [JsonPropertyName("onnx_max_abs_error")] public required double OnnxMaxAbsError { get; init; }
    [JsonPropertyName("run_id")] public Guid? RunId { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CompletionTimeModelMetadata From(CompletionTimePipelineResult result, CompletionTimeTrainingRequest request, string dataSource, Guid? runId) => new()
    {
        Configuration = request.Configuration,
        TrainedAt = DateTimeOffset.UtcNow,
        DataSource = dataSource,
        Split = request.Data.Split,
        TrainSamples = request.Data.Train.Count,
        ValidationSamples = request.Data.Validation.Count,
        TestSamples = request.Data.Test.Count,
        SkippedJobs = request.Data.SkippedJobs,
        TrainingSeconds = Math.Round(result.Wall.TotalSeconds, 2),
        EpochsRun = result.Fit.EpochsRun,
        BestEpoch = result.Fit.BestEpoch,
        BestValidationLoss = result.Fit.BestLoss,
        ValidationMse = Math.Round(result.ValidationMse, 5),
        Seed = request.Seed,
        IntervalHalfWidth = result.Spec.IntervalHalfWidth ?? 0,
        Test = result.Test,
        CategoryMedian = result.CategoryMedian,
        Fallback = result.Fallback,
        OnnxMaxAbsError = result.OnnxMaxAbsError,
        RunId = runId,
    };

    /// <summary>Flat "test.mae_hours"-style figures for the TrainingCompleted event.</summary>
    public IReadOnlyDictionary<string, double> Flatten()
    {
        var figures = new Dictionary<string, double>
        {
            ["epochs_run"] = EpochsRun,
            ["best_epoch"] = BestEpoch,
            ["training_seconds"] = TrainingSeconds,
            ["validation_mse"] = ValidationMse,
            ["interval_half_width"] = IntervalHalfWidth,
            ["onnx_max_abs_error"] = OnnxMaxAbsError,
        };
        foreach (var (prefix, m) in new[] { ("test", Test), ("category_median", CategoryMedian), ("fallback", Fallback) })
        {
            figures[$"{prefix}.mae_hours"] = m.MaeHours;
            figures[$"{prefix}.rmse_hours"] = m.RmseHours;
            figures[$"{prefix}.coverage"] = m.Coverage;
        }
        return figures;
    }
}
