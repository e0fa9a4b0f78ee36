namespace iAyos.Messaging.Contracts.Predictions;

/// <summary>Where a prediction came from, as reported in the <c>source</c> field.</summary>
public static class PredictionSources
{
    /// <summary>An active trained model served by the InferenceWorker.</summary>
    public const string Model = "model";

    /// <summary>The InferenceWorker's statistical estimator, used while no model is active.</summary>
    public const string Fallback = "fallback";

    /// <summary>The Gateway's own estimator, used when no InferenceWorker answered in time.</summary>
    public const string GatewayFallback = "gateway_fallback";
}
