using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.FreelancerTrust;
using static iAyos.Messaging.Predictions.Tests.FreelancerTrust.TrustProfiles;

namespace iAyos.Messaging.Predictions.Tests.FreelancerTrust;

public class TrustIndicatorsTests
{
    [Fact]
    public void Should_count_projects_years_months_and_links_from_the_history()
    {
        var v = TrustIndicators.Compute(Steady(), AsOf);

        Assert.Equal(3, v.NumProjects);
        Assert.Equal(3.0, v.TotalYears, 2); // 2020-01-01 to 2023-01-01
        Assert.Equal(12.0, v.AvgProjectDuration, 0);
        Assert.Equal(0, v.OverlapCount);
        Assert.Equal(Math.Round(2.0 / 3, 3), v.ProjectLinkRatio);
        Assert.Equal(1.0, v.TechConsistency);
    }

    [Fact]
    public void Should_count_a_running_project_up_to_the_day_it_is_evaluated_on()
    {
        var profile = new EvaluateTrust { Bio = "x", Projects = [Project("2025-11-01", null)] };

        var v = TrustIndicators.Compute(profile, AsOf);

        Assert.Equal(1.0, v.TotalYears, 2);
        Assert.Equal(12.0, v.AvgProjectDuration, 1);
    }

    [Fact]
    public void Should_count_overlaps_only_beyond_a_hand_over_month()
    {
        var handOver = new EvaluateTrust { Bio = "x", Projects = [Project("2024-01-01", "2024-03-20"), Project("2024-03-01", "2024-06-01")] };
        var overlapping = new EvaluateTrust { Bio = "x", Projects = [Project("2024-01-01", "2024-06-01"), Project("2024-02-01", "2024-08-01"), Project("2024-03-01", "2024-09-01")] };

        Assert.Equal(0, TrustIndicators.Compute(handOver, AsOf).OverlapCount);
        Assert.Equal(3, TrustIndicators.Compute(overlapping, AsOf).OverlapCount); // every pair of the three
    }

    [Fact]
    public void Should_give_zeros_for_a_profile_without_projects()
    {
        var v = TrustIndicators.Compute(new EvaluateTrust { Bio = "I can do anything.", Skills = ["Python"] }, AsOf);

        Assert.Equal((0, 0.0, 0.0, 0, 0.0, 0.0), (v.NumProjects, v.TotalYears, v.AvgProjectDuration, v.OverlapCount, v.TechConsistency, v.ProjectLinkRatio));
    }

    [Fact]
    public void Should_list_the_values_in_the_seeds_order()
    {
        var v = TrustIndicators.Compute(Steady(), AsOf);

        Assert.Equal([v.NumProjects, (float)v.TotalYears, (float)v.AvgProjectDuration, v.OverlapCount, (float)v.TechConsistency, (float)v.ProjectLinkRatio],
            TrustIndicators.ToArray(v));
        Assert.Equal(TrustIndicators.Count, TrustIndicators.Names.Count);
    }

    [Fact]
    public void Tech_consistency_should_fall_with_claimed_skills_no_project_shows()
    {
        var claimsMore = Steady() with { Skills = ["C#", "PostgreSQL", "Kubernetes", "Rust"] };

        var c = TechConsistency.Measure(claimsMore);

        Assert.Equal(["Kubernetes", "Rust"], c.UnsupportedSkills);
        Assert.Equal(0.75, c.Score, 3); // skills 2 of 4 shown, technologies 2 of 2 claimed
    }

    [Fact]
    public void Tech_consistency_should_match_whole_names_in_project_text_and_the_bio()
    {
        var profile = new EvaluateTrust
        {
            Bio = "I write Node.js services.",
            Skills = ["Go", "Java"],
            Projects = [Project("2024-01-01", "2024-05-01", null, "Node.js") with { Description = "A Go service for Django users." }],
        };

        var c = TechConsistency.Measure(profile);

        // "Go" is a word of the description; "Java" is not a word of "JavaScript"-free text; Node.js is in the bio.
        Assert.Equal(["Java"], c.UnsupportedSkills);
        Assert.Empty(c.UnclaimedTechnologies);
    }
}
