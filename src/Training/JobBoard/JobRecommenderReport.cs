using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// How one model did: its validation AUC (what selection saw), the threshold its validation F1 chose, the test figures
/// at that threshold and, for a model whose score is a probability, at 0.5; and the per-user ranking on the test period.
/// </summary>
public sealed record JobRecommenderModelResult
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("validation_auc")] public double ValidationAuc { get; init; }
    [JsonPropertyName("test")] public required ClassificationMetrics Test { get; init; }
    /// <summary>Null for a score that is not a probability (popularity counts, the content score).</summary>
    [JsonPropertyName("test_at_half")] public ClassificationMetrics? TestAtHalf { get; init; }
    /// <summary>Test AUC on the shown rows alone (applications against shown-but-not-applied): the rows whose labels the
    /// generator's apply probability decides, so there the truth's AUC is a true ceiling (a random negative is 0 by construction).</summary>
    [JsonPropertyName("test_shown_auc")] public double TestShownAuc { get; init; }
    [JsonPropertyName("ranking")] public required RankingMetrics Ranking { get; init; }
}

/// <summary>One trained candidate setting and what validation said of it.</summary>
public sealed record JobRecommenderCandidate(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("batch_size")] int BatchSize,
    [property: JsonPropertyName("dropout")] double Dropout,
    [property: JsonPropertyName("weight_decay")] double WeightDecay,
    [property: JsonPropertyName("embedding_decay")] double EmbeddingDecay,
    [property: JsonPropertyName("epochs_run")] int EpochsRun,
    [property: JsonPropertyName("best_epoch")] int BestEpoch,
    [property: JsonPropertyName("validation_loss")] double ValidationLoss,
    [property: JsonPropertyName("validation_auc")] double ValidationAuc,
    [property: JsonPropertyName("validation_shown_auc")] double ValidationShownAuc,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("seconds_per_epoch")] double SecondsPerEpoch);

/// <summary>
/// The job recommender's held-out report: example counts per part and source, every candidate setting tried (with
/// the one selected on validation), and the test figures of the ConvFM network beside the baselines and, when the
/// generator's truth is known, the best achievable. Never used to select anything.
/// </summary>
public sealed record JobRecommenderReport
{
    [JsonPropertyName("fit")] public required ExampleCounts Fit { get; init; }
    [JsonPropertyName("validation")] public required ExampleCounts Validation { get; init; }
    [JsonPropertyName("test")] public required ExampleCounts Test { get; init; }
    [JsonPropertyName("random_negatives_per_positive")] public int RandomNegativesPerPositive { get; init; }
    [JsonPropertyName("shown_negatives")] public bool ShownNegatives { get; init; }
    [JsonPropertyName("unknown_id_share")] public double UnknownIdShare { get; init; }
    [JsonPropertyName("users")] public int Users { get; init; }
    [JsonPropertyName("jobs")] public int Jobs { get; init; }
    [JsonPropertyName("skills")] public int Skills { get; init; }
    [JsonPropertyName("cold_start_test_rows")] public int ColdStartTestRows { get; init; }
    [JsonPropertyName("unknown_user_test_rows")] public int UnknownUserTestRows { get; init; }
    [JsonPropertyName("unknown_job_test_rows")] public int UnknownJobTestRows { get; init; }
    [JsonPropertyName("ranking_users")] public int RankingUsers { get; init; }
    [JsonPropertyName("ranking_random_candidates")] public int RankingRandomCandidates { get; init; }
    [JsonPropertyName("ranking_mean_candidates")] public double RankingMeanCandidates { get; init; }
    [JsonPropertyName("candidates")] public required IReadOnlyList<JobRecommenderCandidate> Candidates { get; init; }
    [JsonPropertyName("selected")] public required JobRecommenderCandidate Selected { get; init; }
    [JsonPropertyName("models")] public required IReadOnlyList<JobRecommenderModelResult> Models { get; init; }
    [JsonPropertyName("onnx_max_abs_error")] public double? OnnxMaxAbsError { get; init; }
    [JsonPropertyName("training_seconds")] public double TrainingSeconds { get; init; }

    public JobRecommenderModelResult Model(string name) => Models.Single(m => m.Name == name);

    /// <summary>The report as text: counts, the protocol, the candidates, and one table row per model.</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"examples (one per user-job pair, timed by its first interaction; test = the latest 20%, validation = the latest 10% of the rest):");
        s.AppendLine(c, $"  fit        {Fit}");
        s.AppendLine(c, $"  validation {Validation}");
        s.AppendLine(c, $"  test       {Test}");
        s.AppendLine(c, $"  negatives: {(ShownNegatives ? "shown-but-not-applied (viewed/saved/dismissed) + " : "")}{RandomNegativesPerPositive} random open never-interacted job(s) per application");
        s.AppendLine(c, $"  spec (fit part only): {Users:N0} users, {Jobs:N0} jobs, {Skills:N0} skills; {ColdStartTestRows:N0} test rows have an unknown user or job ({UnknownUserTestRows:N0} user, {UnknownJobTestRows:N0} job); {UnknownIdShare:P0} of fit rows' user and job ids masked to unknown");
        s.AppendLine(c, $"ranking: {RankingUsers:N0} test users with an application; their test applications among their test-period shown jobs + {RankingRandomCandidates} random never-interacted jobs open in the test period ({RankingMeanCandidates:F1} candidates on average)");
        s.AppendLine("candidates (selected on validation AUC):");
        foreach (var k in Candidates)
            s.AppendLine(c, $"  {(k == Selected ? "*" : " ")} {k.Model,-7} batch {k.BatchSize,4} dropout {k.Dropout:0.##} l2 {k.WeightDecay:G2} emb l2 {k.EmbeddingDecay:G2}: {k.EpochsRun} epochs (best {k.BestEpoch}), val loss {k.ValidationLoss:F4}, val AUC {k.ValidationAuc:F4} (shown rows {k.ValidationShownAuc:F4}), {k.Seconds:F0} s ({k.SecondsPerEpoch:F1} s/epoch)");
        s.AppendLine("test (accuracy, precision, recall, F1 at the threshold that maximised validation F1):");
        s.AppendLine(c, $"  {"model",-16} {"threshold",9} {"accuracy",8} {"precision",9} {"recall",7} {"F1",6} {"AUC",6} {"R@10",6} {"NDCG@10",7} {"MRR",6} {"AUC shown",9} {"val AUC",7}");
        foreach (var m in Models)
        {
            var t = m.Test;
            s.AppendLine(c, $"  {m.Name,-16} {t.Threshold,9:G3} {t.Accuracy,8:F4} {t.Precision,9:F4} {t.Recall,7:F4} {t.F1,6:F4} {t.Auc,6:F4} {m.Ranking.RecallAtK,6:F4} {m.Ranking.NdcgAtK,7:F4} {m.Ranking.Mrr,6:F4} {m.TestShownAuc,9:F4} {m.ValidationAuc,7:F4}");
        }
        s.AppendLine("  (AUC shown: applications vs shown-not-applied test rows only, where the truth is a true ceiling; val AUC: validation rows)");
        s.AppendLine("test at threshold 0.5 (probability scores):");
        foreach (var m in Models.Where(m => m.TestAtHalf is not null))
        {
            var t = m.TestAtHalf!;
            s.AppendLine(c, $"  {m.Name,-16} {t.Threshold,9:G3} {t.Accuracy,8:F4} {t.Precision,9:F4} {t.Recall,7:F4} {t.F1,6:F4}");
        }
        if (OnnxMaxAbsError is { } onnx) s.AppendLine(c, $"ONNX Runtime max |diff| from the engine on test rows: {onnx:G2}");
        s.AppendLine(c, $"training and evaluation: {TrainingSeconds:F0} s");
        return s.ToString();
    }

    /// <summary>Every figure under one flat name, as a model version's metrics are stored.</summary>
    public IReadOnlyDictionary<string, double> Flatten()
    {
        var figures = new Dictionary<string, double>
        {
            ["fit_rows"] = Fit.Total,
            ["validation_rows"] = Validation.Total,
            ["test_rows"] = Test.Total,
            ["test_applied"] = Test.Applied,
            ["test_shown"] = Test.Shown,
            ["test_random"] = Test.Random,
            ["cold_start_test_rows"] = ColdStartTestRows,
            ["ranking_users"] = RankingUsers,
            ["batch_size"] = Selected.BatchSize,
            ["dropout"] = Selected.Dropout,
            ["weight_decay"] = Selected.WeightDecay,
            ["embedding_decay"] = Selected.EmbeddingDecay,
            ["epochs_run"] = Selected.EpochsRun,
            ["best_epoch"] = Selected.BestEpoch,
            ["validation_loss"] = Selected.ValidationLoss,
            ["validation_auc"] = Selected.ValidationAuc,
            ["seconds_per_epoch"] = Selected.SecondsPerEpoch,
            ["training_seconds"] = TrainingSeconds,
        };
        if (OnnxMaxAbsError is { } onnx) figures["onnx_max_abs_error"] = onnx;
        foreach (var m in Models)
        {
            var name = m.Name.Replace(' ', '_');
            figures[$"{name}.accuracy"] = m.Test.Accuracy;
            figures[$"{name}.precision"] = m.Test.Precision;
            figures[$"{name}.recall"] = m.Test.Recall;
            figures[$"{name}.f1"] = m.Test.F1;
            figures[$"{name}.auc"] = m.Test.Auc;
            figures[$"{name}.auc_shown"] = m.TestShownAuc;
            figures[$"{name}.recall_at_10"] = m.Ranking.RecallAtK;
            figures[$"{name}.ndcg_at_10"] = m.Ranking.NdcgAtK;
            figures[$"{name}.mrr"] = m.Ranking.Mrr;
        }
        return figures;
    }
}
