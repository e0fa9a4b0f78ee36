using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>One model's figures on the test rows at threshold 0.5, and its validation AUC where it was fitted.</summary>
public sealed record TrustModelResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("test")] ClassificationMetrics Test,
    [property: JsonPropertyName("validation_auc")] double? ValidationAuc);

/// <summary>One network fitted (a configuration of seed 003's LSTM, or the logistic baseline) and how its fit went.</summary>
public sealed record TrustFit(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("epochs_run")] int EpochsRun,
    [property: JsonPropertyName("best_epoch")] int BestEpoch,
    [property: JsonPropertyName("validation_loss")] double ValidationLoss,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("seconds_per_epoch")] double SecondsPerEpoch);

/// <summary>Seed 003's held-out report: the rows used and refused, each fit, and the test table (network, rules,
/// logistic regression, the ablation and, for generated data, the best achievable).</summary>
public sealed record TrustReport
{
    [JsonPropertyName("profiles")] public int Profiles { get; init; }
    [JsonPropertyName("rejected")] public IReadOnlyList<TrustRejectionCount> Rejected { get; init; } = [];
    [JsonPropertyName("train_rows")] public int TrainRows { get; init; }
    [JsonPropertyName("validation_rows")] public int ValidationRows { get; init; }
    [JsonPropertyName("test_rows")] public int TestRows { get; init; }
    [JsonPropertyName("test_trustworthy_share")] public double TestTrustworthyShare { get; init; }
    [JsonPropertyName("encoder")] public required string Encoder { get; init; }
    [JsonPropertyName("configuration")] public required string Configuration { get; init; }
    [JsonPropertyName("fits")] public required IReadOnlyList<TrustFit> Fits { get; init; }
    [JsonPropertyName("models")] public required IReadOnlyList<TrustModelResult> Models { get; init; }
    /// <summary>mean(max(p, 1 - p)) of the generator's probability over the test rows: the accuracy no model can beat in expectation.</summary>
    [JsonPropertyName("best_achievable_accuracy")] public double? BestAchievableAccuracy { get; init; }
    [JsonPropertyName("onnx_max_abs_error")] public double OnnxMaxAbsError { get; init; }
    [JsonPropertyName("training_seconds")] public double TrainingSeconds { get; init; }

    public TrustModelResult Model(string name) => Models.Single(m => m.Name == name);

    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"profiles: {Profiles:N0}, refused by the validator: {Rejected.Sum(r => r.Count):N0}{string.Concat(Rejected.Select(r => $"; {r.Field} {r.Count} (e.g. {r.Example})"))}");
        s.AppendLine(c, $"split 70/15/15 stratified: {TrainRows:N0} train, {ValidationRows:N0} validation, {TestRows:N0} test ({TestTrustworthyShare:P1} trustworthy); encoder {Encoder}");
        foreach (var f in Fits)
            s.AppendLine(c, $"  fit {f.Name,-22} {f.EpochsRun} epochs (best {f.BestEpoch}), val loss {f.ValidationLoss:F4}, {f.Seconds:F0} s ({f.SecondsPerEpoch:F2} s/epoch)");
        s.AppendLine("test at threshold 0.5:");
        s.AppendLine(c, $"  {"model",-26} {"accuracy",8} {"precision",9} {"recall",7} {"F1",6} {"AUC",6}");
        foreach (var m in Models)
            s.AppendLine(c, $"  {m.Name,-26} {m.Test.Accuracy,8:F4} {m.Test.Precision,9:F4} {m.Test.Recall,7:F4} {m.Test.F1,6:F4} {m.Test.Auc,6:F4}");
        if (BestAchievableAccuracy is { } best) s.AppendLine(c, $"best achievable accuracy (mean max(p, 1-p) on test): {best:F4}");
        s.AppendLine(c, $"ONNX Runtime max |diff| from the engine on test rows: {OnnxMaxAbsError:G2}; {TrainingSeconds:F0} s in all");
        return s.ToString();
    }

    /// <summary>Every figure under one flat name, as a model version's metrics are stored.</summary>
    public IReadOnlyDictionary<string, double> Flatten()
    {
        var figures = new Dictionary<string, double>
        {
            ["profiles"] = Profiles,
            ["rejected"] = Rejected.Sum(r => r.Count),
            ["train_rows"] = TrainRows,
            ["validation_rows"] = ValidationRows,
            ["test_rows"] = TestRows,
            ["onnx_max_abs_error"] = OnnxMaxAbsError,
            ["training_seconds"] = TrainingSeconds,
        };
        if (BestAchievableAccuracy is { } best) figures["best_achievable_accuracy"] = best;
        foreach (var f in Fits)
        {
            var name = Key(f.Name);
            figures[$"{name}.epochs_run"] = f.EpochsRun;
            figures[$"{name}.best_epoch"] = f.BestEpoch;
            figures[$"{name}.validation_loss"] = f.ValidationLoss;
            figures[$"{name}.seconds_per_epoch"] = f.SecondsPerEpoch;
        }
        foreach (var m in Models)
        {
            var name = Key(m.Name);
            figures[$"{name}.accuracy"] = m.Test.Accuracy;
            figures[$"{name}.precision"] = m.Test.Precision;
            figures[$"{name}.recall"] = m.Test.Recall;
            figures[$"{name}.f1"] = m.Test.F1;
            if (!double.IsNaN(m.Test.Auc)) figures[$"{name}.auc"] = m.Test.Auc;
        }
        return figures;
    }

    private static string Key(string name) => name.Replace(' ', '_').Replace("(", "").Replace(")", "");
}
