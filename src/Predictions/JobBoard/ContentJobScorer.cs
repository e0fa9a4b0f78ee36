namespace iAyos.Messaging.Predictions.JobBoard;

/// <summary>
/// The content ranking of a job for a user from their profile alone: what serves users with no interactions (cold
/// start) and a baseline the network is measured against. Each part is 0-1; the score is their weighted sum.
/// </summary>
/// <remarks>
/// Skill overlap weighs most because the listing's skills are what a user searches by; a part whose input is missing
/// (no profile location, no desired salary) scores 0.5, neither for nor against.
/// </remarks>
public static class ContentJobScorer
{
    public const double SkillWeight = 0.5, LocationWeight = 0.2, SeniorityWeight = 0.2, SalaryWeight = 0.1;
    public const string Remote = "remote";

    /// <param name="jobSkills">The job's skill bag (listed + extracted), normalized.</param>
    public static ContentMatch Score(UserFacts user, JobFacts job, IReadOnlyList<string> jobSkills)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(jobSkills);
        var matched = MatchedSkills(user, jobSkills);
        var skill = jobSkills.Count == 0 ? 0 : (double)matched.Count / jobSkills.Count;
        var score = SkillWeight * skill + LocationWeight * Location(user.Location, job.Location)
            + SeniorityWeight * Seniority(user.ExperienceLevel, job.ExperienceLevel) + SalaryWeight * Salary(user.DesiredSalary, job.SalaryMax);
        return new ContentMatch(score, matched);
    }

    /// <summary>The job's skills the user's profile also lists, in the job's order: what explains a match.</summary>
    public static IReadOnlyList<string> MatchedSkills(UserFacts user, IReadOnlyList<string> jobSkills)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(jobSkills);
        var own = user.Skills.Select(SkillExtractor.Normalize).ToHashSet(StringComparer.Ordinal);
        return jobSkills.Where(s => own.Contains(SkillExtractor.Normalize(s))).Distinct().ToList();
    }

    /// <summary>1 in the user's location or remote, 0 elsewhere, 0.5 when the user gave none.</summary>
    public static double Location(string? userLocation, string jobLocation)
    {
        if (string.IsNullOrWhiteSpace(userLocation)) return 0.5;
        var job = SkillExtractor.Normalize(jobLocation);
        return job == Remote || job == SkillExtractor.Normalize(userLocation) ? 1 : 0;
    }

    /// <summary>1 at the same level, a third less per level apart (entry vs lead: 0), 0.5 when either is unknown.</summary>
    public static double Seniority(string? userLevel, string? jobLevel)
    {
        int user = Contracts.JobBoard.ExperienceLevels.Rank(userLevel), job = Contracts.JobBoard.ExperienceLevels.Rank(jobLevel);
        return user < 0 || job < 0 ? 0.5 : 1 - Math.Abs(user - job) / 3.0;
    }

    /// <summary>1 when the job's top salary reaches the desired one, else their ratio; 0.5 when either is missing.</summary>
    public static double Salary(decimal? desired, decimal? jobMax) =>
        desired is not { } want || want <= 0 || jobMax is not { } max ? 0.5 : Math.Clamp((double)(max / want), 0, 1);
}

/// <summary>A content score 0-1 and the matched skills behind it.</summary>
public sealed record ContentMatch(double Score, IReadOnlyList<string> MatchedSkills);
