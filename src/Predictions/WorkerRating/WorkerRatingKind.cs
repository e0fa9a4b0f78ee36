using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.WorkerRating;

/// <summary>Seed 001 Model 3: a worker profile's quality score 0-100 with improvement suggestions.</summary>
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
        WorkerRatingFeatures.Extract(request);

    protected override WorkerRatingPrediction FromModel(ReadOnlySpan<float> output, WorkerRatingFeatureSpec spec, int version,
        PredictWorkerRating request, PredictionContext context) =>
        WorkerRatingModelOutput.ToPrediction(output[0], request, version);
}
