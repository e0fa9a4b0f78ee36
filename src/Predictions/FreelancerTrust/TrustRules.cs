using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>
/// Seed 003's threshold rules on the six indicators: the answer while no model is active, and the first baseline a
/// model is measured against. The probability is the share of checks a profile passes.
/// </summary>
public static class TrustRules
{
    public const int MinProjects = 3;
    public const double MinTotalYears = 1.0;
    public const double MinAvgProjectMonths = 2.0;
    public const int MaxOverlaps = 2;
    public const double MinTechConsistency = 0.5;
    public const double MinLinkRatio = 0.4;

    public static IReadOnlyList<bool> Checks(TrustIndicatorValues v) =>
    [
        v.NumProjects >= MinProjects,
        v.TotalYears >= MinTotalYears,
        v.AvgProjectDuration >= MinAvgProjectMonths,
        v.OverlapCount <= MaxOverlaps,
        v.TechConsistency >= MinTechConsistency,
        v.ProjectLinkRatio >= MinLinkRatio,
    ];

    public static double Probability(TrustIndicatorValues v) => Math.Round((double)Checks(v).Count(c => c) / TrustIndicators.Count, 4);
}
