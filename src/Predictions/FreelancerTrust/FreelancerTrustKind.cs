using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>
/// Seed 003: a freelancer profile's trust probability from its text (a sentence embedding) and six indicators computed
/// from its project history, as a two-step sequence read by an LSTM 256 -> 128 -> 64. Without an active model the
/// seed's threshold rules answer. Serving needs the process's sentence encoder (<see cref="PredictionContext.Text"/>).
/// </summary>
public sealed class FreelancerTrustKind : ModelKind<EvaluateTrust, TrustEvaluation, TrustFeatureSpec>
{
    public const string KindName = "freelancer-trust";
    public const string QueueName = "inference-freelancer-trust";

    public static FreelancerTrustKind Instance { get; } = new();

    private FreelancerTrustKind()
    {
    }

    public override string Name => KindName;
    public override string Queue => QueueName;
    public override string PredictRoute => "/evaluate-trust";
    public override string StatusRoute => "/trust-model-status";
    public override string TrainRoute => "/train-trust-model";
    public override string Summary => "Trust probability of a freelancer profile (bio, skills, projects) with its indicators and the reasons that lower it.";

    /// <summary>A start date is "in the future" only once it is tomorrow everywhere on Earth (UTC+14).</summary>
    public override Validated<EvaluateTrust> Validate(EvaluateTrust request) =>
        TrustRequestValidator.Validate(request, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(14)));

    public override TrustEvaluation Estimate(EvaluateTrust request, PredictionContext context, string source) =>
        TrustAnswer.From(TrustRules.Probability(TrustIndicators.Compute(request, Today(context))), request, Today(context), source, null);

    protected override TrustFeatureSpec Parse(string json) => TrustFeatureSpec.Parse(json);

    protected override float[] Extract(EvaluateTrust request, TrustFeatureSpec spec, PredictionContext context)
    {
        var encoder = context.Text ?? throw new InvalidOperationException("This process has no sentence encoder; trust models need one.");
        if (encoder.Dimensions != spec.TextDimensions)
            throw new InvalidOperationException($"The sentence encoder gives {encoder.Dimensions} dimensions; the trust model reads {spec.TextDimensions}.");
        var embedding = encoder.Embed([TrustText.Compose(request)])[0];
        return TrustInputs.Row(embedding, TrustIndicators.Compute(request, Today(context)), spec);
    }

    protected override TrustEvaluation FromModel(ReadOnlySpan<float> output, TrustFeatureSpec spec, int version, EvaluateTrust request, PredictionContext context) =>
        TrustAnswer.From(output[0], request, Today(context), PredictionSources.Model, version, spec.Threshold);

    private static DateOnly Today(PredictionContext context) => DateOnly.FromDateTime(context.Now.UtcDateTime);
}
