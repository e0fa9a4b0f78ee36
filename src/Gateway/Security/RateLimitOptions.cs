namespace iAyos.Messaging.Gateway.Security;

/// <summary>
/// Bound from the <c>RateLimits</c> configuration section: a token bucket per client (the token's subject, else
/// the remote address) for the prediction and the recommendation endpoints. The defaults let one client run
/// 500 predictions a second indefinitely; a rate below 1 is one request every 1/rate seconds.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sustained prediction requests per second per client (predict-* and batch-predict).</summary>
    public double PredictionsPerSecond { get; set; } = 1000;

    /// <summary>Prediction requests a client may make at once after being idle: the bucket's size.</summary>
    public int PredictionBurst { get; set; } = 2000;

    /// <summary>Sustained recommendation requests per second per client (queries, bid suggestions, outcomes, feedback).</summary>
    public double RecommendationsPerSecond { get; set; } = 200;

    public int RecommendationBurst { get; set; } = 400;

    public IEnumerable<string> Problems()
    {
        if (!(PredictionsPerSecond > 0))
            yield return $"{Section}:{nameof(PredictionsPerSecond)} must be above 0.";
        if (PredictionBurst < 1)
            yield return $"{Section}:{nameof(PredictionBurst)} must be at least 1.";
        if (!(RecommendationsPerSecond > 0))
            yield return $"{Section}:{nameof(RecommendationsPerSecond)} must be above 0.";
        if (RecommendationBurst < 1)
            yield return $"{Section}:{nameof(RecommendationBurst)} must be at least 1.";
    }
}
