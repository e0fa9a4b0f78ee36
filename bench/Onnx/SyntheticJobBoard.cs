using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.Onnx.Bench;

/// <summary>
/// Job listings shaped like the demo board's (a few listed skills, a paragraph of description naming more), for
/// benchmarks: what matters is their size and the work the skill extraction does on them, not what they mean.
/// </summary>
public sealed class SyntheticJobBoard
{
    private static readonly string[] Words =
        ["team", "build", "maintain", "our", "customers", "daily", "with", "and", "services", "platform", "experience", "years",
         "strong", "remote", "friendly", "growth", "ship", "features", "quality", "data", "reports", "support", "clients", "ownership"];

    private static readonly string[] BaseSkills =
        ["python", "sql", "c#", "javascript", "react", "node.js", "docker", "kubernetes", "aws", "azure", "machine learning",
         "excel", "java", "go", "rust", "typescript", "postgresql", "redis", "rabbitmq", "ci/cd", "figma", "seo", "accounting"];

    private SyntheticJobBoard(IReadOnlyList<JobFacts> jobs) => Jobs = jobs;

    public IReadOnlyList<JobFacts> Jobs { get; }

    /// <summary>Skills are the base ones plus "skill N" up to 200 in all; descriptions of about 80 words name 4 of them.</summary>
    public static SyntheticJobBoard Create(int jobs, int locations, int companies, int seed)
    {
        var random = new Random(seed);
        var skills = BaseSkills.Concat(Enumerable.Range(BaseSkills.Length, 200 - BaseSkills.Length).Select(i => $"skill{i}")).ToArray();
        var list = new List<JobFacts>(jobs);
        for (var id = 1; id <= jobs; id++)
        {
            var listed = Enumerable.Range(0, 3).Select(_ => skills[random.Next(skills.Length)]).Distinct().ToList();
            var words = Enumerable.Range(0, 80).Select(_ => Words[random.Next(Words.Length)]).ToList();
            for (var s = 0; s < 4; s++) words.Insert(random.Next(words.Count), skills[random.Next(skills.Length)]);
            list.Add(new JobFacts(id, $"Engineer {id}", string.Join(' ', words) + ".", $"Company {random.Next(companies)}",
                $"City {random.Next(locations)}", listed, 30_000, 60_000 + random.Next(60_000), "full_time", "mid"));
        }
        return new SyntheticJobBoard(list);
    }

    /// <summary>A spec as training would fit it on these jobs, knowing users 1 to <paramref name="users"/>.</summary>
    public JobRecommenderSpec Spec(int users)
    {
        var extractor = SkillExtractor.Fit(Jobs);
        return new JobRecommenderSpec
        {
            UserIds = [.. Enumerable.Range(1, users).Select(i => (long)i)],
            JobIds = [.. Jobs.Select(j => j.JobId)],
            Locations = [.. Jobs.Select(j => SkillExtractor.Normalize(j.Location)).Distinct()],
            Companies = [.. Jobs.Select(j => SkillExtractor.Normalize(j.Company)).Distinct()],
            Skills = extractor.Vocabulary,
            // The extraction's cost does not depend on the weights' values.
            SkillIdf = [.. extractor.Vocabulary.Select((_, i) => 1 + 0.01 * i)],
            MarkUserSkills = true,
            MarkUserLocation = true,
        };
    }
}
