using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>
/// Seed 003's six project indicators, computed from a validated profile (see <see cref="TrustRequestValidator"/>) as of
/// a day: a running project (no end date) or one planned past that day counts up to it. The seed took these as given
/// numbers; here a caller cannot claim them.
/// </summary>
public static class TrustIndicators
{
    public const int Count = 6;

    /// <summary>The seed's names, in the order of the model's input.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["num_projects", "total_years", "avg_project_duration", "overlap_count", "tech_consistency", "project_link_ratio"];

    /// <summary>Two projects overlap when they share more than this many days: a hand-over week is normal.</summary>
    public const int OverlapDays = 30;

    private const double DaysPerMonth = 365.25 / 12;

    public static TrustIndicatorValues Compute(EvaluateTrust profile, DateOnly asOf)
    {
        var projects = Timeline(profile, asOf);
        var consistency = TechConsistency.Measure(profile);
        if (projects.Count == 0)
            return new TrustIndicatorValues
            {
                NumProjects = 0, TotalYears = 0, AvgProjectDuration = 0, OverlapCount = 0, TechConsistency = consistency.Score, ProjectLinkRatio = 0,
            };
        var first = projects.Min(p => p.Start);
        var last = projects.Max(p => p.End);
        return new TrustIndicatorValues
        {
            NumProjects = projects.Count,
            TotalYears = Math.Round((last.DayNumber - first.DayNumber) / 365.25, 2),
            AvgProjectDuration = Math.Round(projects.Average(p => p.End.DayNumber - p.Start.DayNumber) / DaysPerMonth, 2),
            OverlapCount = OverlappingPairs(projects).Count,
            TechConsistency = consistency.Score,
            ProjectLinkRatio = Math.Round((double)profile.Projects!.Count(p => HasLink(p!)) / projects.Count, 3),
        };
    }

    /// <summary>The values in <see cref="Names"/>' order.</summary>
    public static float[] ToArray(TrustIndicatorValues v) =>
        [v.NumProjects, (float)v.TotalYears, (float)v.AvgProjectDuration, v.OverlapCount, (float)v.TechConsistency, (float)v.ProjectLinkRatio];

    /// <summary>One project's dates as counted: its end is clamped to the as-of day, never before its start.</summary>
    public readonly record struct Span(int Index, DateOnly Start, DateOnly End);

    public static IReadOnlyList<Span> Timeline(EvaluateTrust profile, DateOnly asOf)
    {
        var projects = profile.Projects ?? [];
        var spans = new List<Span>(projects.Count);
        for (var i = 0; i < projects.Count; i++)
        {
            var p = projects[i]!;
            var start = p.StartDate ?? throw new ArgumentException($"projects[{i}] has no start date; validate the profile first.", nameof(profile));
            var end = p.EndDate is { } e && e < asOf ? e : asOf;
            spans.Add(new Span(i, start, end < start ? start : end));
        }
        return spans;
    }

    /// <summary>Pairs sharing more than <see cref="OverlapDays"/> days, with the days they share.</summary>
    public static IReadOnlyList<(Span First, Span Second, DateOnly From, DateOnly To)> OverlappingPairs(IReadOnlyList<Span> spans)
    {
        var pairs = new List<(Span, Span, DateOnly, DateOnly)>();
        for (var i = 0; i < spans.Count; i++)
            for (var j = i + 1; j < spans.Count; j++)
            {
                var from = spans[i].Start > spans[j].Start ? spans[i].Start : spans[j].Start;
                var to = spans[i].End < spans[j].End ? spans[i].End : spans[j].End;
                if (to.DayNumber - from.DayNumber > OverlapDays) pairs.Add((spans[i], spans[j], from, to));
            }
        return pairs;
    }

    public static bool HasLink(TrustProject project) =>
        Uri.TryCreate(project.Link?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
