using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>
/// How far claimed skills, project technologies and the text agree (seed 003's tech_consistency), 0-1: the mean of
/// the share of claimed skills shown by some project (its technologies or its text) and the share of project
/// technologies the freelancer claims (skills or bio). A profile with neither skills nor technologies scores 0.
/// </summary>
public sealed record TechConsistency(double Score, IReadOnlyList<string> UnsupportedSkills, int SkillCount, IReadOnlyList<string> UnclaimedTechnologies, int TechnologyCount)
{
    public static TechConsistency Measure(EvaluateTrust profile)
    {
        var skills = Distinct(profile.Skills);
        var projects = (profile.Projects ?? []).Where(p => p is not null).Select(p => p!).ToList();
        var technologies = Distinct(projects.SelectMany(p => p.Technologies ?? []));
        var projectText = Normalize(string.Join(" \n ", projects.Select(p => $"{p.Title} {p.Description}")));
        var bio = Normalize(profile.Bio ?? "");
        var technologySet = technologies.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var skillSet = skills.Select(Normalize).ToHashSet(StringComparer.Ordinal);

        var unsupported = skills.Where(s => !technologySet.Contains(Normalize(s)) && !Mentions(projectText, Normalize(s))).ToList();
        var unclaimed = technologies.Where(t => !skillSet.Contains(Normalize(t)) && !Mentions(bio, Normalize(t))).ToList();
        var parts = new List<double>(2);
        if (skills.Count > 0) parts.Add(1.0 - (double)unsupported.Count / skills.Count);
        if (technologies.Count > 0) parts.Add(1.0 - (double)unclaimed.Count / technologies.Count);
        var score = parts.Count == 0 ? 0 : Math.Round(parts.Average(), 3);
        return new TechConsistency(score, unsupported, skills.Count, unclaimed, technologies.Count);
    }

    private static List<string> Distinct(IEnumerable<string?>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).DistinctBy(Normalize, StringComparer.Ordinal).ToList();

    /// <summary>Lower case, with separators as single spaces and a space at each end, so a term matches whole words only.</summary>
    internal static string Normalize(string text)
    {
        var chars = new char[text.Length + 2];
        var n = 0;
        chars[n++] = ' ';
        foreach (var c in text)
        {
            // Keep the characters tech names are written with (C#, C++, Node.js); the rest separate words.
            var kept = char.IsLetterOrDigit(c) || c is '#' or '+' or '.' ? char.ToLowerInvariant(c) : ' ';
            if (kept == ' ' && chars[n - 1] == ' ') continue;
            chars[n++] = kept;
        }
        if (chars[n - 1] != ' ') chars[n++] = ' ';
        // A sentence's final full stop is not part of the word before it.
        return new string(chars, 0, n).Replace(". ", " ");
    }

    private static bool Mentions(string normalizedText, string normalizedTerm) =>
        normalizedTerm.Trim().Length > 0 && normalizedText.Contains(normalizedTerm, StringComparison.Ordinal);
}
