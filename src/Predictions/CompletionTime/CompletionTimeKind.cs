using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.CompletionTime;

/// <summary>Seed 001 Model 1: hours a job will take, with a 75% interval. The seed's default kind.</summary>
public sealed class CompletionTimeKind : ModelKind<PredictCompletionTime, CompletionTimePrediction, CompletionTimeFeatureSpec>
{
    public const string KindName = "completion-time";
    public const string QueueName = "inference-completion-time";

    public static CompletionTimeKind Instance { get; } = new();

    private CompletionTimeKind()
    {
    }

    public override string Name => KindName;
    public override string Queue => QueueName;
    public override string PredictRoute => "/predict-completion-time";
    public override string StatusRoute => "/model-status";
    public override bool IsDefault => true;
    public override string Summary => "Hours a job will take, with a 75% interval.";

    public override Validated<PredictCompletionTime> Validate(PredictCompletionTime request) => CompletionTimeRequestValidator.Validate(request);

    public override CompletionTimePrediction Estimate(PredictCompletionTime request, PredictionContext context, string source) =>
        CompletionTimeFallbackEstimator.Estimate(request, context.Categories, source);

    protected override CompletionTimeFeatureSpec Parse(string json) => CompletionTimeFeatureSpec.Parse(json);

    protected override float[] Extract(PredictCompletionTime request, CompletionTimeFeatureSpec spec, PredictionContext context) =>
        CompletionTimeFeatures.Extract(request, context.Categories.NameOf(request.CategoryId, request.Category), spec, request.PostedAt ?? context.Now);

    protected override CompletionTimePrediction FromModel(ReadOnlySpan<float> output, CompletionTimeFeatureSpec spec, int version,
        PredictCompletionTime request, PredictionContext context) =>
        CompletionTimeFeatures.ToPrediction(output[0], spec, version, context.Categories.NameOf(request.CategoryId, request.Category));
}
