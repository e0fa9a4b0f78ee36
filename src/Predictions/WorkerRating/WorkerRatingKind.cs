using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>
/// Seed 001 Model 3: a worker's score 0-100 with improvement suggestions. A trained (served) model predicts the
/// worker's next-window client outcome from what is known now (see WorkerRatingTarget in the training project);
/// its suggestions are the profile changes it re-scores higher, most points first.
/// </summary>
public sealed class WorkerRatingKind : ModelKind<PredictWorkerRating, WorkerRatingPrediction, WorkerRatingFeatureSpec>
{
    public const string KindName = "worker-rating";
    public const string QueueName = "inference-worker-rating";

    public static WorkerRatingKind Instance { get; } = new();

    private WorkerRatingKind()
    {
    }

    public override string Name => KindName;
    public override string Queue => QueueName;
    public override string PredictRoute => "/predict-worker-rating";
    public override string StatusRoute => "/worker-rating-model-status";
    public override string TrainRoute => "/train-worker-rating-model";
    public override string Summary => "Profile quality score 0-100 with improvement suggestions.";

    public override Validated<PredictWorkerRating> Validate(PredictWorkerRating request) => WorkerRatingRequestValidator.Validate(request);

    public override WorkerRatingPrediction Estimate(PredictWorkerRating request, PredictionContext context, string source) =>
        WorkerRatingHeuristic.Estimate(request, source);

    protected override WorkerRatingFeatureSpec Parse(string json) => WorkerRatingFeatureSpec.Parse(json);

    protected override float[] Extract(PredictWorkerRating request, WorkerRatingFeatureSpec spec, PredictionContext context) =>
        WorkerRatingFeatures.Extract(request, spec.FeatureNames);

    /// <summary>Alone (no variants to compare): the score, with no suggestions.</summary>
    protected override WorkerRatingPrediction FromModel(ReadOnlySpan<float> output, WorkerRatingFeatureSpec spec, int version,
        PredictWorkerRating request, PredictionContext context) =>
        WorkerRatingModelOutput.ToPrediction(output[0], [], version, spec.IntervalHalfWidth);

    /// <summary>The request's row, then one row per applicable profile change, so suggestions are the model's own.</summary>
    public override IReadOnlyList<float[]> ExtractRows(PredictWorkerRating request, IModelFeatureSpec spec, PredictionContext context)
    {
        var typed = Typed(spec);
        return
        [
            WorkerRatingFeatures.Extract(request, typed.FeatureNames),
            .. WorkerRatingProfileChanges.Applicable(request, typed).Select(c => WorkerRatingFeatures.Extract(c.Changed, typed.FeatureNames)),
        ];
    }

    public override WorkerRatingPrediction FromModelRows(IReadOnlyList<float[]> outputs, IModelFeatureSpec spec, int version,
        PredictWorkerRating request, PredictionContext context)
    {
        var changes = WorkerRatingProfileChanges.Applicable(request, Typed(spec));
        if (outputs.Count != changes.Count + 1)
            throw new ArgumentException($"{outputs.Count} outputs for a request and {changes.Count} changes.", nameof(outputs));
        return WorkerRatingModelOutput.ToPrediction(outputs[0][0], changes.Select((c, i) => (c.Change, outputs[i + 1][0])).ToList(), version,
            Typed(spec).IntervalHalfWidth);
    }
}
