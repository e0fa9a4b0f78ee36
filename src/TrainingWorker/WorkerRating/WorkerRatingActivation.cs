using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Training.WorkerRating;

namespace iAyos.Messaging.TrainingWorker.WorkerRating;

/// <summary>
/// When a new worker-rating version becomes the served one. A CSV-trained and a read-model-trained model are not
/// trained on the same rows or even the same target, so the comparison is always made on THIS run's test rows,
/// scoring the active version from the inputs a served request carries (never the CSV's snapshot rating):
/// 1. never a leaking version (the seed's configuration on a snapshot source): its score is bought with the target's
///    own components, which a served request does not have before the outcome;
/// 2. never a model that does not beat the mean of its training targets on validation rows (a constant would do);
/// 3. then: when none is active, when the active one cannot be measured, or when its test MAE here is higher.
/// </summary>
public static class WorkerRatingActivation
{
    public sealed record Decision(bool Activate, string Reason);

    public static Decision Decide(bool leaking, WorkerRatingPipelineResult result, bool anyActive, double? activeMae) =>
        Decide(leaking, result.ValidationMae, result.ValidationMeanMae, result.Test.Mae, anyActive, activeMae);

    public static Decision Decide(bool leaking, double validationMae, double validationMeanMae, double testMae, bool anyActive, double? activeMae)
    {
        if (leaking)
            return new(false, "a leaking configuration is a labelled comparison, never served automatically");
        if (validationMae >= validationMeanMae)
            return new(false, $"validation MAE {validationMae:F2} does not beat the mean baseline's {validationMeanMae:F2}");
        if (!anyActive)
            return new(true, "no version was active");
        if (activeMae is not { } mae)
            return new(true, "the active version cannot be measured on these rows");
        return testMae < mae
            ? new(true, $"test MAE {testMae:F2} beats the active version's {mae:F2} on the same rows")
            : new(false, $"test MAE {testMae:F2} does not beat the active version's {mae:F2} on the same rows");
    }

    /// <summary>A model's MAE in points on rows, fed each row's served inputs.</summary>
    public static double Mae(OnnxSession session, WorkerRatingFeatureSpec spec, IReadOnlyList<WorkerRatingRow> rows)
    {
        var names = spec.FeatureNames;
        var x = new float[rows.Count * names.Count];
        for (var i = 0; i < rows.Count; i++)
            WorkerRatingFeatures.Extract(rows[i].Inputs, names).CopyTo(x, i * names.Count);
        var output = session.Run(spec.InputName, new OnnxTensor(x, rows.Count, names.Count), [spec.OutputName])[0].Data;
        return rows.Select((r, i) => Math.Abs(output[i] * 100.0 - r.Target)).Average();
    }
}
