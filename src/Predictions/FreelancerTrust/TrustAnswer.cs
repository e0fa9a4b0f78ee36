using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>A trust evaluation from a probability, whoever gave it: score, label, the indicators and the flags.</summary>
public static class TrustAnswer
{
    public static TrustEvaluation From(double probability, EvaluateTrust profile, DateOnly asOf, string source, int? version, double threshold = 0.5)
    {
        var indicators = TrustIndicators.Compute(profile, asOf);
        var p = Math.Clamp(probability, 0, 1);
        return new TrustEvaluation
        {
            TrustProbability = Math.Round(p, 4),
            TrustScore = Math.Round(p * 100, 1),
            Label = p >= threshold ? TrustLabels.Trustworthy : TrustLabels.Risky,
            Indicators = indicators,
            Flags = TrustFlags.For(profile, indicators, asOf),
            Source = source,
            ModelVersion = version,
        };
    }
}
