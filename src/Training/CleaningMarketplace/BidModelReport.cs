using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// How a trained bid model did on the held-out accepted bids (EUR): the optimal's MAE against the amount that won,
/// the share of winning amounts inside [min, max], beside the rule-based suggester's optimal and the market level
/// (accepted EUR per hour for the property type x the job's hours; rows with no market yet use the suggester).
/// </summary>
public sealed record BidModelReport
{
    [JsonPropertyName("fit_rows")] public int FitRows { get; init; }
    [JsonPropertyName("validation_rows")] public int ValidationRows { get; init; }
    [JsonPropertyName("test_rows")] public int TestRows { get; init; }
    [JsonPropertyName("epochs_run")] public int EpochsRun { get; init; }
    [JsonPropertyName("best_epoch")] public int BestEpoch { get; init; }
    [JsonPropertyName("onnx_max_abs_error")] public double OnnxMaxAbsError { get; init; }
    [JsonPropertyName("training_seconds")] public double TrainingSeconds { get; init; }

    [JsonPropertyName("optimal_mae")] public double OptimalMae { get; init; }
    [JsonPropertyName("coverage")] public double Coverage { get; init; }
    /// <summary>Mean width of [min, max] in EUR: coverage is only worth what the range costs.</summary>
    [JsonPropertyName("mean_range_width")] public double MeanRangeWidth { get; init; }
    [JsonPropertyName("rule_optimal_mae")] public double RuleOptimalMae { get; init; }
    [JsonPropertyName("rule_coverage")] public double RuleCoverage { get; init; }
    [JsonPropertyName("rule_mean_range_width")] public double RuleMeanRangeWidth { get; init; }
    [JsonPropertyName("market_mae")] public double MarketMae { get; init; }

    public IReadOnlyDictionary<string, double> Flatten() => new Dictionary<string, double>
    {
        ["fit_rows"] = FitRows,
        ["validation_rows"] = ValidationRows,
        ["test_rows"] = TestRows,
        ["epochs_run"] = EpochsRun,
        ["best_epoch"] = BestEpoch,
        ["onnx_max_abs_error"] = OnnxMaxAbsError,
        ["training_seconds"] = TrainingSeconds,
        ["optimal_mae"] = OptimalMae,
        ["coverage"] = Coverage,
        ["mean_range_width"] = MeanRangeWidth,
        ["rule_optimal_mae"] = RuleOptimalMae,
        ["rule_coverage"] = RuleCoverage,
        ["rule_mean_range_width"] = RuleMeanRangeWidth,
        ["market_mae"] = MarketMae,
    };
}
