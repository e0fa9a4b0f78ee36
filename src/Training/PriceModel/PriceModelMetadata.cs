using System.Text.Json;
using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>
/// metadata.json beside a price model (seed 001's fields: when, from what, how long, how many epochs, test
/// metrics per output and combined, split sizes), also stored as the version's metrics in the registry.
/// </summary>
public sealed record PriceModelMetadata
{
    [JsonPropertyName("model")] public string Model { get; init; } = "price-budget";
    [JsonPropertyName("configuration")] public required string Configuration { get; init; }
    [JsonPropertyName("trained_at")] public required DateTimeOffset TrainedAt { get; init; }
    [JsonPropertyName("data_source")] public required string DataSource { get; init; }
    [JsonPropertyName("split")] public required string Split { get; init; }
    [JsonPropertyName("train_samples")] public required int TrainSamples { get; init; }
    [JsonPropertyName("validation_samples")] public required int ValidationSamples { get; init; }
    [JsonPropertyName("test_samples")] public required int TestSamples { get; init; }
    [JsonPropertyName("training_seconds")] public required double TrainingSeconds { get; init; }
    [JsonPropertyName("epochs_run")] public required int EpochsRun { get; init; }
    [JsonPropertyName("best_epoch")] public required int BestEpoch { get; init; }
    [JsonPropertyName("best_val_loss")] public required double BestValidationLoss { get; init; }
    /// <summary>MSE of the log prices on validation rows without the L2 term: how configurations are compared.</summary>
    [JsonPropertyName("validation_mse")] public required double ValidationMse { get; init; }
    [JsonPropertyName("seed")] public required int Seed { get; init; }
    /// <summary>Test rows, in PHP.</summary>
    [JsonPropertyName("test")] public required PriceMetrics Test { get; init; }
    /// <summary>The per-group median baseline on the same test rows.</summary>
    [JsonPropertyName("baseline")] public required PriceMetrics Baseline { get; init; }
    /// <summary>The fallback estimator (category averages x urgency x skill) on the same test rows, when measured.</summary>
    [JsonPropertyName("fallback")] public PriceMetrics? Fallback { get; init; }
    [JsonPropertyName("coverage")] public required double Coverage { get; init; }
    [JsonPropertyName("onnx_max_abs_error")] public required double OnnxMaxAbsError { get; init; }
    [JsonPropertyName("cleaning")] public required FreelancerCsvReport Cleaning { get; init; }
    [JsonPropertyName("run_id")] public Guid? RunId { get; init; }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PriceModelMetadata From(PricePipelineResult result, PriceTrainingRequest request, string dataSource, Guid? runId) => new()
    {
        Configuration = request.Configuration,
        TrainedAt = DateTimeOffset.UtcNow,
        DataSource = dataSource,
        Split = request.Data.Split,
        TrainSamples = request.Data.Train.Count,
        ValidationSamples = request.Data.Validation.Count,
        TestSamples = request.Data.Test.Count,
        TrainingSeconds = Math.Round(result.Wall.TotalSeconds, 2),
        EpochsRun = result.Fit.EpochsRun,
        BestEpoch = result.Fit.BestEpoch,
        BestValidationLoss = result.Fit.BestLoss,
        ValidationMse = Math.Round(result.ValidationMse, 5),
        Seed = request.Seed,
        Test = result.Test,
        Baseline = result.Baseline,
        Coverage = result.Spec.Confidence,
        OnnxMaxAbsError = result.OnnxMaxAbsError,
        Cleaning = request.Data.Report,
        RunId = runId,
    };

    /// <summary>Flat "test.suggested_price.mae"-style figures for the TrainingCompleted event.</summary>
    public IReadOnlyDictionary<string, double> Flatten()
    {
        var figures = new Dictionary<string, double>
        {
            ["epochs_run"] = EpochsRun,
            ["coverage"] = Coverage,
            ["onnx_max_abs_error"] = OnnxMaxAbsError,
            ["training_seconds"] = TrainingSeconds,
            ["validation_mse"] = ValidationMse,
        };
        var compared = new List<(string, PriceMetrics)> { ("test", Test), ("baseline", Baseline) };
        if (Fallback is not null) compared.Add(("fallback", Fallback));
        foreach (var (prefix, metrics) in compared)
            foreach (var (output, m) in new[] { ("min_price", metrics.Min), ("suggested_price", metrics.Suggested), ("max_price", metrics.Max), ("combined", metrics.Combined) })
            {
                figures[$"{prefix}.{output}.rmse"] = Math.Round(m.Rmse, 2);
                figures[$"{prefix}.{output}.mae"] = Math.Round(m.Mae, 2);
                figures[$"{prefix}.{output}.mape"] = Math.Round(m.Mape, 3);
            }
        return figures;
    }
}
