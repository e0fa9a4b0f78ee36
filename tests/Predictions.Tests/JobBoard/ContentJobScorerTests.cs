using iAyos.Messaging.Predictions.JobBoard;
using static iAyos.Messaging.Predictions.Tests.JobBoard.JobBoardTestFacts;

namespace iAyos.Messaging.Predictions.Tests.JobBoard;

public class ContentJobScorerTests
{
    [Fact]
    public void A_hand_computed_score_weighs_skills_location_seniority_and_salary()
    {
        // 2 of 4 skills (0.5), same city (1), mid vs senior (2/3), 80k offered vs 100k wanted (0.8).
        var user = new UserFacts(1, ["Python", "sql"], "manila", "mid", 100_000m);
        var job = Job(1, "") with { ExperienceLevel = "senior" };

        var match = ContentJobScorer.Score(user, job, ["python", "docker", "sql", "aws"]);

        Assert.Equal(0.5 * 0.5 + 0.2 * 1 + 0.2 * (2.0 / 3) + 0.1 * 0.8, match.Score, 12);
        Assert.Equal(["python", "sql"], match.MatchedSkills);
    }

    [Fact]
    public void Missing_profile_parts_score_neither_for_nor_against()
    {
        var user = new UserFacts(1, [], null, null, null);

        var match = ContentJobScorer.Score(user, Job(), ["python"]);

        Assert.Equal(0.2 * 0.5 + 0.2 * 0.5 + 0.1 * 0.5, match.Score, 12);
        Assert.Empty(match.MatchedSkills);
    }

    [Fact]
    public void Remote_jobs_match_any_location_and_others_only_their_own()
    {
        Assert.Equal(1, ContentJobScorer.Location("Cebu", " REMOTE "));
        Assert.Equal(0, ContentJobScorer.Location("Cebu", "Manila"));
        Assert.Equal(0, ContentJobScorer.Seniority("entry", "lead"));
        Assert.Equal(1, ContentJobScorer.Salary(50_000m, 60_000m));
    }

    [Fact]
    public void A_better_skill_overlap_ranks_higher_all_else_equal()
    {
        var user = User("python", "sql", "docker");
        var better = ContentJobScorer.Score(user, Job(), ["python", "sql"]).Score;
        var worse = ContentJobScorer.Score(user, Job(), ["python", "java"]).Score;

        Assert.True(better > worse);
    }
}
