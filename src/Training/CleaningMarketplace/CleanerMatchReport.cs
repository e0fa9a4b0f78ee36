using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// How a trained cleaner-match network did on the held-out (later) jobs: the review target (hybrid, each half
/// alone, and two baselines: the training mean and the rule-based overall score / 100) and top-3 hire accuracy
/// per engine mode beside the random and cheapest-bid baselines. Never used to select anything.
/// </summary>
public sealed record CleanerMatchReport
{
    [JsonPropertyName("alpha")] public double Alpha { get; init; }
    [JsonPropertyName("fit_rows")] public int FitRows { get; init; }
    [JsonPropertyName("validation_rows")] public int ValidationRows { get; init; }
    [JsonPropertyName("test_rows")] public int TestRows { get; init; }
    /// <summary>Test rows whose client or cleaner the network never saw (scored by the content network only).</summary>
    [JsonPropertyName("cold_start_test_rows")] public int ColdStartTestRows { get; init; }
    [JsonPropertyName("epochs_run")] public int EpochsRun { get; init; }
    [JsonPropertyName("best_epoch")] public int BestEpoch { get; init; }
    [JsonPropertyName("validation_mse")] public double ValidationMse { get; init; }
    [JsonPropertyName("onnx_max_abs_error")] public double OnnxMaxAbsError { get; init; }
    [JsonPropertyName("training_seconds")] public double TrainingSeconds { get; init; }

    /// <summary>What the engine shows: the hybrid for a known pair, the content network alone for a cold-start one.</summary>
    [JsonPropertyName("served")] public required RegressionMetrics Served { get; init; }
    [JsonPropertyName("hybrid")] public required RegressionMetrics Hybrid { get; init; }
    [JsonPropertyName("collaborative")] public required RegressionMetrics Collaborative { get; init; }
    [JsonPropertyName("content")] public required RegressionMetrics Content { get; init; }
    [JsonPropertyName("training_mean")] public required RegressionMetrics TrainingMean { get; init; }
    [JsonPropertyName("rule_overall")] public required RegressionMetrics RuleOverall { get; init; }

    [JsonPropertyName("ensemble_rule_weight")] public double EnsembleRuleWeight { get; init; }
    [JsonPropertyName("top3_rule_based")] public required HireAccuracy RuleBased { get; init; }
    [JsonPropertyName("top3_neural")] public required HireAccuracy Neural { get; init; }
    [JsonPropertyName("top3_ensemble")] public required HireAccuracy Ensemble { get; init; }
    [JsonPropertyName("top3_random")] public required HireAccuracy Random { get; init; }
    [JsonPropertyName("top3_cheapest")] public required HireAccuracy Cheapest { get; init; }

    /// <summary>Every figure under one flat name, as a model version's metrics are stored.</summary>
    public IReadOnlyDictionary<string, double> Flatten()
    {
        var figures = new Dictionary<string, double>
        {
            ["alpha"] = Alpha,
            ["fit_rows"] = FitRows,
            ["validation_rows"] = ValidationRows,
            ["test_rows"] = TestRows,
            ["cold_start_test_rows"] = ColdStartTestRows,
            ["epochs_run"] = EpochsRun,
            ["best_epoch"] = BestEpoch,
            ["validation_mse"] = ValidationMse,
            ["onnx_max_abs_error"] = OnnxMaxAbsError,
            ["training_seconds"] = TrainingSeconds,
            ["ensemble_rule_weight"] = EnsembleRuleWeight,
        };
        foreach (var (name, m) in new[] { ("served", Served), ("hybrid", Hybrid), ("collaborative", Collaborative), ("content", Content), ("training_mean", TrainingMean), ("rule_overall", RuleOverall) })
        {
            figures[$"review.{name}.mse"] = m.Mse;
            figures[$"review.{name}.mae"] = m.Mae;
            figures[$"review.{name}.r2"] = m.R2;
        }
        foreach (var (name, a) in new[] { ("rule_based", RuleBased), ("neural", Neural), ("ensemble", Ensemble), ("random", Random), ("cheapest", Cheapest) })
        {
            figures[$"top3.{name}"] = a.Accuracy;
            figures[$"top3.{name}.over_3"] = a.AccuracyOver3;
        }
        figures["top3.jobs"] = RuleBased.Jobs;
        figures["top3.jobs_over_3"] = RuleBased.JobsOver3;
        return figures;
    }
}
