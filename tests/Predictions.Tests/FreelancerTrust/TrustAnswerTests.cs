using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.FreelancerTrust;
using static iAyos.Messaging.Predictions.Tests.FreelancerTrust.TrustProfiles;

namespace iAyos.Messaging.Predictions.Tests.FreelancerTrust;

public class TrustAnswerTests
{
    private static readonly EvaluateTrust Busy = new()
    {
        Bio = "Full-stack developer and data scientist, expert in everything.",
        Skills = ["React", "Python", "Kubernetes", "Rust", "Go"],
        Projects =
        [
            Project("2024-01-01", "2024-08-01", "https://example.com/1", "React"),
            Project("2024-02-01", "2024-09-01", null, "React"),
            Project("2024-03-01", "2024-10-01", null, "Python"),
            Project("2023-01-01", "2023-02-01", null, "Python"),
            Project("2022-01-01", "2022-01-20", null, "React"),
            Project("2021-01-01", "2021-02-01", null, "React"),
        ],
    };

    [Fact]
    public void Should_give_the_reasons_a_profile_loses_trust_in_words()
    {
        var answer = TrustAnswer.From(0.2, Busy, AsOf, PredictionSources.Model, 3);

        var reasons = answer.Flags.ToDictionary(f => f.Code, f => f.Reason);
        Assert.Equal("3 projects overlap in 2024 (3 overlapping pairs in all)", reasons[TrustFlags.OverlappingProjects]);
        Assert.Equal("1 of 6 projects has a link", reasons[TrustFlags.FewLinks]);
        Assert.Equal("3 of 5 claimed skills appear in no project: Kubernetes, Rust, Go", reasons[TrustFlags.UnsupportedSkills]);
        Assert.DoesNotContain(TrustFlags.FewProjects, reasons.Keys);
    }

    [Fact]
    public void Should_flag_nothing_on_a_steady_linked_history()
    {
        var answer = TrustAnswer.From(0.9, Steady(), AsOf, PredictionSources.Model, 3);

        Assert.Empty(answer.Flags);
        Assert.Equal((0.9, 90.0, TrustLabels.Trustworthy, 3), (answer.TrustProbability, answer.TrustScore, answer.Label, answer.ModelVersion));
    }

    [Theory]
    [InlineData(0.4999, TrustLabels.Risky)]
    [InlineData(0.5, TrustLabels.Trustworthy)]
    public void Should_label_at_the_threshold(double probability, string label) =>
        Assert.Equal(label, TrustAnswer.From(probability, Steady(), AsOf, PredictionSources.Model, 1).Label);

    [Fact]
    public void The_rules_should_pass_a_steady_history_and_fail_a_busy_one()
    {
        Assert.Equal(1.0, TrustRules.Probability(TrustIndicators.Compute(Steady(), AsOf)));
        // Busy: 6 projects, 3.8 years, a 3.9-month average and 0.7 consistency pass; 3 overlaps and 1 link in 6 do not.
        var checks = TrustRules.Checks(TrustIndicators.Compute(Busy, AsOf));
        Assert.Equal([true, true, true, false, true, false], checks);
        Assert.Equal(Math.Round(4.0 / 6, 4), TrustRules.Probability(TrustIndicators.Compute(Busy, AsOf)));
    }

    [Fact]
    public void The_kinds_fallback_answers_with_the_rules_and_the_indicators()
    {
        var context = new Models.PredictionContext(Categories.CategoryCatalog.Empty, new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

        var answer = FreelancerTrustKind.Instance.Estimate(Steady(), context, PredictionSources.Fallback);

        Assert.Equal((1.0, TrustLabels.Trustworthy, PredictionSources.Fallback, 3), (answer.TrustProbability, answer.Label, answer.Source, answer.Indicators.NumProjects));
        Assert.Null(answer.ModelVersion);
    }
}
