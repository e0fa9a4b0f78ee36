using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>What lowers a profile's trust, in words a freelancer can act on. The same flags come with a model's answer
/// and the rules', because they describe the profile, not the scorer.</summary>
public static class TrustFlags
{
    public const string NoProjects = "no_projects";
    public const string FewProjects = "few_projects";
    public const string OverlappingProjects = "overlapping_projects";
    public const string FewLinks = "few_links";
    public const string UnsupportedSkills = "unsupported_skills";
    public const string ShortProjects = "short_projects";
    public const string ShortHistory = "short_history";

    public static IReadOnlyList<TrustFlag> For(EvaluateTrust profile, TrustIndicatorValues v, DateOnly asOf)
    {
        var flags = new List<TrustFlag>();
        if (v.NumProjects == 0)
            flags.Add(Flag(NoProjects, "no projects are listed"));
        else if (v.NumProjects < TrustRules.MinProjects)
            flags.Add(Flag(FewProjects, $"only {Count(v.NumProjects, "project")} listed"));
        if (v.OverlapCount > 0)
            flags.Add(Flag(OverlappingProjects, Overlaps(profile, asOf)));
        if (v.NumProjects > 0 && v.ProjectLinkRatio < TrustRules.MinLinkRatio)
        {
            var linked = (int)Math.Round(v.ProjectLinkRatio * v.NumProjects);
            flags.Add(Flag(FewLinks, $"{linked} of {v.NumProjects} projects {(linked == 1 ? "has" : "have")} a link"));
        }
        var consistency = TechConsistency.Measure(profile);
        if (consistency.SkillCount > 0 && consistency.UnsupportedSkills.Count * 2 > consistency.SkillCount)
            flags.Add(Flag(UnsupportedSkills,
                $"{consistency.UnsupportedSkills.Count} of {Count(consistency.SkillCount, "claimed skill")} appear in no project: {string.Join(", ", consistency.UnsupportedSkills.Take(5))}"));
        if (v.NumProjects > 0 && v.AvgProjectDuration < TrustRules.MinAvgProjectMonths)
            flags.Add(Flag(ShortProjects, $"projects last {v.AvgProjectDuration:0.#} months on average"));
        if (v.NumProjects > 0 && v.TotalYears < TrustRules.MinTotalYears)
            flags.Add(Flag(ShortHistory, $"the project history spans {v.TotalYears:0.#} years"));
        return flags;
    }

    /// <summary>"3 projects overlap in 2024": the year in which the most projects share time with another.</summary>
    private static string Overlaps(EvaluateTrust profile, DateOnly asOf)
    {
        var pairs = TrustIndicators.OverlappingPairs(TrustIndicators.Timeline(profile, asOf));
        var byYear = new Dictionary<int, HashSet<int>>();
        foreach (var (first, second, from, to) in pairs)
            for (var year = from.Year; year <= to.Year; year++)
            {
                if (!byYear.TryGetValue(year, out var set)) byYear[year] = set = [];
                set.Add(first.Index);
                set.Add(second.Index);
            }
        var (busiest, projects) = byYear.OrderByDescending(y => y.Value.Count).ThenByDescending(y => y.Key).Select(y => (y.Key, y.Value.Count)).First();
        var text = $"{projects} projects overlap in {busiest}";
        return pairs.Count == 1 ? text : $"{text} ({Count(pairs.Count, "overlapping pair")} in all)";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static TrustFlag Flag(string code, string reason) => new() { Code = code, Reason = reason };
}
