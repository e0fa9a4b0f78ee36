using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.FreelancerTrust;

namespace iAyos.Messaging.Cli.Simulation.FreelancerTrust;

/// <summary>
/// The known function behind every generated label: a profile is trustworthy with probability
/// <code>
/// p = sigmoid(Scale * (Intercept + style + overlaps + links + consistency + durations + history + projects))
/// </code>
/// where style is the planted <see cref="TrustWritingStyle"/>'s weight and the other terms are smooth functions of the
/// six indicators <see cref="TrustIndicators.Compute"/> gives for the written profile (so nothing in p is hidden from a
/// model that reads the text and the indicators). Writing counts as much as history: a vague or inflated bio lowers p
/// even when the history is clean, which no rule on the indicators alone can see. Labels are Bernoulli(p), so the
/// best achievable accuracy is mean(max(p, 1 - p)).
/// </summary>
public static class FreelancerTrustTruth
{
    public const double Scale = 1.5;
    public const double Intercept = 0.35;
    public const double ConcreteWeight = 2.0;
    public const double VagueWeight = -1.6;
    public const double InflatedWeight = -2.4;
    /// <summary>Per overlapping pair, up to <see cref="MaxOverlapsCounted"/> pairs.</summary>
    public const double OverlapWeight = -0.6;
    public const int MaxOverlapsCounted = 4;
    /// <summary>Links show work online; a plumber's or a cleaner's jobs rarely have a page, so they count for less there.</summary>
    public const double LinkWeight = 1.8;
    public const double HomeServiceLinkWeight = 0.6;
    public const double LinkCentre = 0.6;
    public const double HomeServiceLinkCentre = 0.25;
    public const double ConsistencyWeight = 3.0;
    public const double ConsistencyCentre = 0.75;
    /// <summary>Per e-fold of average project months around 3 (clamped), then years of history around 2, projects around 3.</summary>
    public const double DurationWeight = 0.7;
    public const double HistoryWeight = 0.4;
    public const double ProjectsWeight = 0.45;

    public static double StyleWeight(TrustWritingStyle style) => style switch
    {
        TrustWritingStyle.Concrete => ConcreteWeight,
        TrustWritingStyle.Vague => VagueWeight,
        TrustWritingStyle.Inflated => InflatedWeight,
        _ => throw new ArgumentOutOfRangeException(nameof(style), style, null),
    };

    /// <summary>The log-odds of trustworthy for a profile written in <paramref name="style"/> with indicators <paramref name="v"/>.</summary>
    public static double Logit(TrustWritingStyle style, bool homeService, TrustIndicatorValues v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var links = homeService
            ? HomeServiceLinkWeight * (v.ProjectLinkRatio - HomeServiceLinkCentre)
            : LinkWeight * (v.ProjectLinkRatio - LinkCentre);
        var z = Intercept
            + StyleWeight(style)
            + OverlapWeight * Math.Min(v.OverlapCount, MaxOverlapsCounted)
            + links
            + ConsistencyWeight * (v.TechConsistency - ConsistencyCentre)
            + DurationWeight * Math.Clamp(Math.Log(Math.Max(v.AvgProjectDuration, 0.1) / 3), -2.5, 1.5)
            + HistoryWeight * Math.Clamp(Math.Log(Math.Max(v.TotalYears, 0.1) / 2), -2, 1.5)
            + ProjectsWeight * Math.Log(Math.Max(v.NumProjects, 1) / 3.0);
        return Scale * z;
    }

    public static double Probability(TrustWritingStyle style, bool homeService, TrustIndicatorValues v) =>
        1 / (1 + Math.Exp(-Logit(style, homeService, v)));

    /// <summary>What a generated set amounts to: its size, the share labelled trustworthy, the best achievable accuracy and the seed's rules' accuracy.</summary>
    public static FreelancerTrustSummary Summarize(IReadOnlyList<GeneratedTrustProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (profiles.Count == 0) return new FreelancerTrustSummary(0, 0, 0, 0, 0, new Dictionary<TrustWritingStyle, int>());
        var trustworthy = profiles.Count(p => p.Labelled.Trustworthy);
        var ceiling = profiles.Average(p => Math.Max(p.Planted.Probability, 1 - p.Planted.Probability));
        var rules = profiles.Average(p => (TrustRules.Probability(p.Indicators) >= 0.5) == p.Labelled.Trustworthy ? 1.0 : 0.0);
        var bayes = profiles.Average(p => (p.Planted.Probability >= 0.5) == p.Labelled.Trustworthy ? 1.0 : 0.0);
        var styles = Enum.GetValues<TrustWritingStyle>().ToDictionary(s => s, s => profiles.Count(p => p.Planted.Style == s));
        return new FreelancerTrustSummary(profiles.Count, (double)trustworthy / profiles.Count, ceiling, bayes, rules, styles);
    }
}

/// <summary>
/// A generated set's truth: <see cref="BestAchievableAccuracy"/> is the expected accuracy of predicting with the true p
/// (mean max(p, 1 - p)); <see cref="TrueProbabilityAccuracy"/> is what that prediction scored on these labels;
/// <see cref="RulesAccuracy"/> is the seed's threshold rules (trustworthy at a share of checks of 0.5 or more).
/// </summary>
public sealed record FreelancerTrustSummary(
    int Count, double ShareTrustworthy, double BestAchievableAccuracy, double TrueProbabilityAccuracy, double RulesAccuracy,
    IReadOnlyDictionary<TrustWritingStyle, int> Styles)
{
    public override string ToString() =>
        $"{Count} profiles, {ShareTrustworthy:P1} trustworthy; writing: {string.Join(", ", Styles.Select(s => $"{s.Key.ToString().ToLowerInvariant()} {s.Value}"))}. " +
        $"Best achievable accuracy {BestAchievableAccuracy:P1} (the true p scores {TrueProbabilityAccuracy:P1} on these labels); " +
        $"the seed's threshold rules score {RulesAccuracy:P1}.";
}
