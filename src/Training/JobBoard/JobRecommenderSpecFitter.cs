using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// Fits a <see cref="JobRecommenderSpec"/> on earlier examples only (the pipeline gives it the fit part): the users and jobs of its examples, the
/// locations and companies of those jobs, and the skill vocabulary with its IDF (<see cref="SkillExtractor.Fit"/>)
/// over the same jobs. Anything those examples never saw encodes as <see cref="JobRecommenderSpec.Unknown"/>.
/// Ids are numbered in order of first appearance, so the same examples give the same spec.
/// </summary>
public static class JobRecommenderSpecFitter
{
    public static JobRecommenderSpec Fit(IEnumerable<JobRecommenderExample> training, IReadOnlyDictionary<long, JobRecord> jobs,
        int maxSkills = JobRecommenderSpec.DefaultMaxSkills, int extractedSkills = JobRecommenderSpec.DefaultExtractedSkills, bool markUserProfile = true)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(jobs);
        var users = new List<long>();
        var jobIds = new List<long>();
        var seenUsers = new HashSet<long>();
        var seenJobs = new HashSet<long>();
        foreach (var e in training)
        {
            if (seenUsers.Add(e.UserId)) users.Add(e.UserId);
            if (seenJobs.Add(e.JobId)) jobIds.Add(e.JobId);
        }
        var facts = jobIds.Select(id => jobs[id].Facts).ToList();
        var extractor = SkillExtractor.Fit(facts);
        return new JobRecommenderSpec
        {
            UserIds = users,
            JobIds = jobIds,
            Locations = Distinct(facts.Select(f => f.Location)),
            Companies = Distinct(facts.Select(f => f.Company)),
            Skills = extractor.Vocabulary,
            SkillIdf = extractor.Idf,
            MaxSkills = maxSkills,
            ExtractedSkills = extractedSkills,
            MarkUserSkills = markUserProfile,
            MarkUserLocation = markUserProfile,
        };
    }

    private static List<string> Distinct(IEnumerable<string> names) =>
        [.. names.Select(SkillExtractor.Normalize).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
}
