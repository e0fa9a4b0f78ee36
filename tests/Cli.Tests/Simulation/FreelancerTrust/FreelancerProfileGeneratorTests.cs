using iAyos.Messaging.Cli.Simulation.FreelancerTrust;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Training.FreelancerTrust;
using Xunit;
using Xunit.Abstractions;

namespace iAyos.Messaging.Cli.Tests.Simulation.FreelancerTrust;

/// <summary>2,000 profiles from seed 42, generated once for the tests that only read them.</summary>
public sealed class GeneratedTrustProfiles
{
    public static readonly FreelancerProfileGeneratorOptions Options = new() { Count = 2_000, Seed = 42 };

    public IReadOnlyList<GeneratedTrustProfile> Profiles { get; } = FreelancerProfileGenerator.Generate(Options);
}

public sealed class FreelancerProfileGeneratorTests(GeneratedTrustProfiles fixture, ITestOutputHelper output) : IClassFixture<GeneratedTrustProfiles>
{
    private readonly IReadOnlyList<GeneratedTrustProfile> _profiles = fixture.Profiles;

    private static byte[] File(FreelancerProfileGeneratorOptions options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"trust-{Guid.NewGuid():N}.jsonl");
        try
        {
            TrustProfileFile.Write(path, FreelancerProfileGenerator.Labelled(FreelancerProfileGenerator.Generate(options)));
            return System.IO.File.ReadAllBytes(path);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void The_same_seed_writes_the_same_file_and_another_seed_another()
    {
        var options = new FreelancerProfileGeneratorOptions { Count = 300, Seed = 5 };

        var first = File(options);

        Assert.Equal(first, File(options));
        Assert.NotEqual(first, File(options with { Seed = 6 }));
    }

    [Fact]
    public void Every_profile_passes_the_validator_as_of_its_day_and_reads_back_from_the_file()
    {
        Assert.All(_profiles, p =>
        {
            var validated = TrustRequestValidator.Validate(p.Labelled.Profile, p.Labelled.AsOf);
            Assert.True(validated.Errors.Count == 0, $"{p.Labelled.Id}: {string.Join("; ", validated.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}"))}");
            Assert.Equal(GeneratedTrustProfiles.Options.AsOf, p.Labelled.AsOf);
            Assert.Equal(p.Planted.Probability, p.Labelled.TrueProbability);
        });
        var path = Path.Combine(Path.GetTempPath(), $"trust-{Guid.NewGuid():N}.jsonl");
        try
        {
            TrustProfileFile.Write(path, FreelancerProfileGenerator.Labelled(_profiles.Take(50)));
            var read = TrustProfileFile.Read(path);
            Assert.Equal(_profiles.Take(50).Select(p => TrustText.Compose(p.Labelled.Profile)), read.Select(p => TrustText.Compose(p.Profile)));
            Assert.Equal(_profiles.Take(50).Select(p => p.Indicators), read.Select(p => TrustIndicators.Compute(p.Profile, p.AsOf)));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void Bios_are_40_to_120_words_and_every_style_domain_and_home_service_occurs()
    {
        Assert.All(_profiles, p => Assert.InRange(p.Labelled.Profile.Bio!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 40, 120));
        Assert.All(Enum.GetValues<TrustWritingStyle>(), s => Assert.True(_profiles.Count(p => p.Planted.Style == s) > _profiles.Count / 6, $"{s} is rare"));
        Assert.Equal(TrustDomain.All.Select(d => d.Name).Order(), _profiles.Select(p => p.Planted.Domain).Distinct().Order());
        Assert.Contains(_profiles, p => p.Planted.HomeService);
    }

    [Fact]
    public void Classes_are_balanced_and_the_best_achievable_accuracy_is_about_ninety_percent()
    {
        var summary = FreelancerTrustTruth.Summarize(_profiles);
        output.WriteLine(summary.ToString());

        Assert.InRange(summary.ShareTrustworthy, 0.45, 0.55);
        Assert.InRange(summary.BestAchievableAccuracy, 0.89, 0.93);
        // Predicting with the true p scores close to its expectation on 2,000 draws.
        Assert.InRange(summary.TrueProbabilityAccuracy, summary.BestAchievableAccuracy - 0.025, summary.BestAchievableAccuracy + 0.025);
    }

    [Fact]
    public void The_seeds_threshold_rules_score_well_below_the_ceiling()
    {
        var summary = FreelancerTrustTruth.Summarize(_profiles);

        Assert.InRange(summary.RulesAccuracy, 0.60, 0.80);
        Assert.True(summary.BestAchievableAccuracy - summary.RulesAccuracy >= 0.10, summary.ToString());
    }

    [Fact]
    public void Labels_are_drawn_so_some_disagree_with_the_rounded_probability()
    {
        var disagree = _profiles.Count(p => p.Labelled.Trustworthy != (p.Planted.Probability >= 0.5));

        Assert.InRange(disagree, _profiles.Count / 25, _profiles.Count / 5);
    }

    [Fact]
    public void Writing_vaguely_or_inflated_lowers_p_for_the_same_history()
    {
        var options = new FreelancerProfileGeneratorOptions { Count = 300, Seed = 9 };
        var concrete = FreelancerProfileGenerator.Generate(options with { OnlyStyle = TrustWritingStyle.Concrete });
        var vague = FreelancerProfileGenerator.Generate(options with { OnlyStyle = TrustWritingStyle.Vague });
        var inflated = FreelancerProfileGenerator.Generate(options with { OnlyStyle = TrustWritingStyle.Inflated });

        for (var i = 0; i < concrete.Count; i++)
        {
            // The same history: dates, links and technologies; only the words differ.
            Assert.Equal(Dates(concrete[i]), Dates(vague[i]));
            Assert.Equal(Dates(concrete[i]), Dates(inflated[i]));
            Assert.NotEqual(concrete[i].Labelled.Profile.Bio, vague[i].Labelled.Profile.Bio);
            Assert.True(vague[i].Planted.Probability < concrete[i].Planted.Probability, $"profile {i}: vague {vague[i].Planted.Probability:F3}, concrete {concrete[i].Planted.Probability:F3}");
            Assert.True(inflated[i].Planted.Probability < vague[i].Planted.Probability + 0.05, $"profile {i}: inflated {inflated[i].Planted.Probability:F3}, vague {vague[i].Planted.Probability:F3}");
        }
    }

    [Fact]
    public void Vague_or_inflated_writing_makes_a_clean_history_risky_where_the_rules_see_nothing_wrong()
    {
        var clean = _profiles.Where(p => TrustRules.Checks(p.Indicators).All(c => c)).ToList();
        var concrete = clean.Where(p => p.Planted.Style == TrustWritingStyle.Concrete).ToList();
        var poorlyWritten = clean.Where(p => p.Planted.Style != TrustWritingStyle.Concrete).ToList();
        var riskyShare = poorlyWritten.Count(p => p.Planted.Probability < 0.5) / (double)poorlyWritten.Count;
        output.WriteLine($"{clean.Count} pass every rule: {concrete.Count} concrete (mean p {concrete.Average(p => p.Planted.Probability):F2}), " +
                         $"{poorlyWritten.Count} vague or inflated (mean p {poorlyWritten.Average(p => p.Planted.Probability):F2}, {riskyShare:P0} of them below 0.5)");

        Assert.True(poorlyWritten.Count >= 50);
        Assert.True(concrete.Average(p => p.Planted.Probability) > 0.9);
        Assert.True(poorlyWritten.Average(p => p.Planted.Probability) < concrete.Average(p => p.Planted.Probability) - 0.2);
        Assert.True(riskyShare > 0.2, $"{riskyShare:P0} of the poorly written profiles with a clean history are more likely risky");
    }

    [Fact]
    public void Poor_history_signals_lower_p_within_a_writing_style()
    {
        foreach (var style in Enum.GetValues<TrustWritingStyle>())
        {
            var ofStyle = _profiles.Where(p => p.Planted.Style == style).ToList();
            double Mean(Func<GeneratedTrustProfile, bool> which) => ofStyle.Where(which).Average(p => p.Planted.Probability);

            Assert.True(Mean(p => p.Indicators.OverlapCount == 0) > Mean(p => p.Indicators.OverlapCount >= 3), $"{style}: overlaps");
            Assert.True(Mean(p => p.Indicators.TechConsistency >= 0.8) > Mean(p => p.Indicators.TechConsistency < 0.6), $"{style}: consistency");
            Assert.True(Mean(p => p.Indicators.AvgProjectDuration >= 3) > Mean(p => p.Indicators.AvgProjectDuration < 2), $"{style}: short projects");
            Assert.True(Mean(p => !p.Planted.HomeService && p.Indicators.ProjectLinkRatio >= 0.75) > Mean(p => !p.Planted.HomeService && p.Indicators.ProjectLinkRatio <= 0.25), $"{style}: links");
        }
    }

    [Fact]
    public void The_truth_moves_with_each_indicator_in_the_planned_direction()
    {
        var v = new Contracts.Predictions.TrustIndicatorValues
        {
            NumProjects = 5, TotalYears = 3, AvgProjectDuration = 5, OverlapCount = 0, TechConsistency = 0.8, ProjectLinkRatio = 0.6,
        };
        double P(Contracts.Predictions.TrustIndicatorValues x, TrustWritingStyle style = TrustWritingStyle.Concrete) => FreelancerTrustTruth.Probability(style, false, x);

        Assert.True(P(v with { OverlapCount = 2 }) < P(v));
        Assert.True(P(v with { ProjectLinkRatio = 0.2 }) < P(v));
        Assert.True(P(v with { TechConsistency = 0.4 }) < P(v));
        Assert.True(P(v with { AvgProjectDuration = 1 }) < P(v));
        Assert.True(P(v with { TotalYears = 0.5 }) < P(v));
        Assert.True(P(v with { NumProjects = 1 }) < P(v));
        Assert.True(P(v, TrustWritingStyle.Vague) < P(v) - 0.3);
        Assert.True(P(v, TrustWritingStyle.Inflated) < P(v, TrustWritingStyle.Vague));
        // Links count for less where jobs rarely have a page.
        Assert.True(P(v) - P(v with { ProjectLinkRatio = 0.2 }) > FreelancerTrustTruth.Probability(TrustWritingStyle.Concrete, true, v) - FreelancerTrustTruth.Probability(TrustWritingStyle.Concrete, true, v with { ProjectLinkRatio = 0.2 }));
    }

    private static List<string> Dates(GeneratedTrustProfile p) =>
        p.Labelled.Profile.Projects!.Select(x => $"{x!.StartDate}|{x.EndDate}|{x.Link}|{string.Join(",", x.Technologies!)}").Append(string.Join(",", p.Labelled.Profile.Skills!)).ToList();
}
