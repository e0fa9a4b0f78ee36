using iAyos.Messaging.Predictions.JobBoard;
using static iAyos.Messaging.Predictions.Tests.JobBoard.JobBoardTestFacts;

namespace iAyos.Messaging.Predictions.Tests.JobBoard;

public class SkillExtractorTests
{
    [Fact]
    public void Fit_keeps_skills_listed_by_enough_jobs_in_first_appearance_order()
    {
        var jobs = new[]
        {
            Job(1, "", "Python", "SQL", "Rust"),
            Job(2, "", " python ", "Machine  Learning"),
            Job(3, "", "machine learning", "sql"),
        };

        var extractor = SkillExtractor.Fit(jobs, minJobs: 2);

        Assert.Equal(["python", "sql", "machine learning"], extractor.Vocabulary);
        Assert.Equal(-1, extractor.IndexOf("rust"));
    }

    [Fact]
    public void Idf_is_smoothed_over_the_jobs_texts_and_rare_terms_weigh_more()
    {
        // python appears in all 3 texts, kafka in 1: idf = ln(4/4) + 1 = 1 and ln(4/2) + 1.
        var jobs = new[]
        {
            Job(1, "python and kafka", "python", "kafka"),
            Job(2, "python", "python", "kafka"),
            Job(3, "python", "python"),
        };
        var extractor = SkillExtractor.Fit(jobs);

        var weights = extractor.Extract("We use python and kafka.", top: 5);

        Assert.Equal("kafka", weights[0].Skill);
        Assert.Equal(Math.Log(2) + 1, weights[0].Weight, 12);
        Assert.Equal(("python", 1.0), (weights[1].Skill, weights[1].Weight));
        Assert.Equal(2.0, extractor.Extract("python, python", top: 1)[0].Weight);
    }

    [Fact]
    public void Multi_word_and_punctuated_skills_are_found_as_whole_token_runs()
    {
        var extractor = new SkillExtractor(["machine learning", "c#", "node.js", "c", "java"], [1, 1, 1, 1, 1]);

        var found = extractor.Extract("Machine learning in C#. Some Node.js; javascript is not java.", top: 10).Select(x => x.Skill).ToList();

        Assert.Equal(["c#", "java", "machine learning", "node.js"], found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_skill_bag_lists_the_listed_skills_first_then_extracted_ones_up_to_the_cap()
    {
        var extractor = new SkillExtractor(["python", "sql", "docker", "aws"], [1, 1, 2, 3]);
        var job = Job(1, "docker docker aws python", "SQL", "unknown skill", "sql");

        Assert.Equal(["sql", "docker", "aws", "python"], extractor.SkillBag(job, maxSkills: 10, extracted: 5)); // docker 2 x 2 > aws 1 x 3 > python
        Assert.Equal(["sql", "docker"], extractor.SkillBag(job, maxSkills: 2, extracted: 5));
        Assert.Equal(["sql"], extractor.SkillBag(job, maxSkills: 10, extracted: 0));
    }

    [Fact]
    public void A_repeated_vocabulary_entry_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new SkillExtractor(["sql", " SQL "], [1, 1]));
        Assert.Throws<ArgumentException>(() => new SkillExtractor(["sql"], [1, 2]));
    }
}
