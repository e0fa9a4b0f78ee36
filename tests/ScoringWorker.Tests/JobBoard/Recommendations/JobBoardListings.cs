using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

namespace iAyos.Messaging.ScoringWorker.Tests.JobBoard.Recommendations;

/// <summary>A small job board: listings whose skills, places and companies a spec is fitted on.</summary>
public static class JobBoardListings
{
    public static readonly DateTime ListedAt = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[][] SkillSets =
    [
        ["python", "sql"], ["python", "machine learning"], ["c#", "sql"], ["react", "javascript"], ["c#", "azure"],
        ["javascript", "node.js"], ["sql", "excel"], ["python", "docker"],
    ];

    private static readonly string[] Places = ["Cebu", "Manila", "Davao", "Remote"];
    private static readonly string[] Companies = ["Acme", "Globex", "Initech"];

    /// <summary>Job <paramref name="id"/> (1-based): skills, place and company cycle; the description mentions docker and sql.</summary>
    public static JobListing Listing(long id, DateTime? listingAt = null, string? title = null) => new(
        new JobFacts(id, title ?? $"Developer {id}", $"We use docker and sql daily. Role {id}.", Companies[id % Companies.Length],
            Places[id % Places.Length], SkillSets[id % SkillSets.Length], 30_000, 60_000 + 1_000 * id, "full_time", "mid"),
        ListedAt.AddHours(id), listingAt ?? ListedAt.AddHours(id));

    public static IReadOnlyList<JobListing> Listings(int count) => [.. Enumerable.Range(1, count).Select(i => Listing(i))];

    /// <summary>A spec with the vocabulary fitted on <paramref name="listings"/>, knowing them and users 1 to <paramref name="users"/>.</summary>
    public static JobRecommenderSpec Spec(IReadOnlyList<JobListing> listings, int users = 5)
    {
        var extractor = SkillExtractor.Fit([.. listings.Select(l => l.Facts)]);
        return new JobRecommenderSpec
        {
            UserIds = [.. Enumerable.Range(1, users).Select(i => (long)i)],
            JobIds = [.. listings.Select(l => l.Facts.JobId)],
            Locations = [.. listings.Select(l => SkillExtractor.Normalize(l.Facts.Location)).Distinct()],
            Companies = [.. listings.Select(l => SkillExtractor.Normalize(l.Facts.Company)).Distinct()],
            Skills = extractor.Vocabulary,
            // Any weights do: these tests pin the serving path, not the extraction (SkillExtractor has its own tests).
            SkillIdf = [.. extractor.Vocabulary.Select((_, i) => 1 + 0.1 * i)],
            MarkUserSkills = true,
            MarkUserLocation = true,
        };
    }

    public static IReadOnlyList<OpenJob> Open(IEnumerable<JobListing> listings) => [.. listings.Select(l => new OpenJob(l.Facts.JobId, l.ListingAt))];
}
