using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.PriceBudget;

/// <summary>Seed 000 / 001 Model 2: a job posting's price range, min &lt;= suggested &lt;= max PHP.</summary>
public sealed class PriceBudgetKind : ModelKind<PredictPrice, PricePrediction, PriceFeatureSpec>
{
    public const string KindName = "price-budget";
    public const string QueueName = "inference-price-budget";

    public static PriceBudgetKind Instance { get; } = new();

    private PriceBudgetKind()
    {
    }

    public override string Name => KindName;
    public override string Queue => QueueName;
    public override string PredictRoute => "/predict-price";
    public override string StatusRoute => "/price-model-status";
    public override string TrainRoute => "/train-price-model";
    public override string Summary => "Price range (min <= suggested <= max, PHP) for a job posting.";

    public override Validated<PredictPrice> Validate(PredictPrice request) => PriceRequestValidator.Validate(request);

    public override PricePrediction Estimate(PredictPrice request, PredictionContext context, string source) =>
        PriceFallbackEstimator.Estimate(request, context.Categories, source);

    protected override PriceFeatureSpec Parse(string json) => PriceFeatureSpec.Parse(json);

    // The model knows categories by name; a request may name one by id.
    protected override float[] Extract(PredictPrice request, PriceFeatureSpec spec, PredictionContext context) =>
        PriceFeatures.Extract(request with { Category = context.Categories.NameOf(request.CategoryId, request.Category) }, spec);

    protected override PricePrediction FromModel(ReadOnlySpan<float> output, PriceFeatureSpec spec, int version, PredictPrice request, PredictionContext context) =>
        PriceModelOutput.ToPrediction(output, spec, version, context.Categories.NameOf(request.CategoryId, request.Category));
}
