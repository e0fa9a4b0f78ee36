using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Predictions.Tests.CleaningMarketplace;

public class JobMatchScorerTests
{
    [Fact]
    public void A_fully_hand_computed_match()
    {
        var job = Facts.Job() with { EcoPreference = true, ClientBudget = 48m };
        var cleaner = Facts.Cleaner() with { Latitude = Facts.SixKmNorthLat, EcoShare = 0.3, JobsInProgress = 2 };

        var match = JobMatchScorer.Score(job, cleaner);

        // location 100 * (1 - 6.0045 / 30) = 79.98 -> 80.0; pricing 48 / 60 = 80;
        // specialization 100 * 0.8 (eco client, non-eco cleaner) = 80; availability 50.
        Assert.Equal(80.0, match.Breakdown.Location);
        Assert.Equal(80, match.Breakdown.Pricing);
        Assert.Equal(80, match.Breakdown.Specialization);
        Assert.Equal(50, match.Breakdown.Availability);
        // 0.35 * 80 + 0.30 * 80 + 0.20 * 80 + 0.15 * 50 = 28 + 24 + 16 + 7.5 = 75.5
        Assert.Equal(75.5, match.Score);
        Assert.Equal(6.0, match.DistanceKm);
        Assert.Equal(["6.0 km away", "Matches your specialty (apartments)"], match.Reasoning);
    }

    [Fact]
    public void Location_reaches_0_at_the_reference_radius_and_stays_there()
    {
        // 0.3 deg of latitude = 33.4 km, beyond the 30 km reference radius.
        var far = Facts.Cleaner() with { Latitude = Facts.AthensLat + 0.3 };

        var match = JobMatchScorer.Score(Facts.Job(), far);

        Assert.Equal(30, JobMatchScorer.ReferenceRadiusKm);
        Assert.Equal(0, match.Breakdown.Location);
        Assert.Equal(100, JobMatchScorer.Score(Facts.Job(), Facts.Cleaner()).Breakdown.Location);
    }

    [Fact]
    public void An_inactive_cleaner_is_still_scored()
    {
        // Filtering who may browse jobs is the caller's business; the maths always answers.
        Assert.Equal(
            JobMatchScorer.Score(Facts.Job(), Facts.Cleaner()).Score,
            JobMatchScorer.Score(Facts.Job(), Facts.Cleaner() with { IsActive = false }).Score);
    }

    [Theory]
    [InlineData(60, 100)]
    [InlineData(75, 100)]
    [InlineData(30, 50)]
    public void Pricing_is_100_when_the_budget_covers_the_rate_and_proportional_below(double budget, double expected)
    {
        var match = JobMatchScorer.Score(Facts.Job() with { ClientBudget = (decimal)budget }, Facts.Cleaner());

        Assert.Equal(expected, match.Breakdown.Pricing);
    }

    [Fact]
    public void Unknown_budget_prices_at_70_and_claims_nothing()
    {
        var match = JobMatchScorer.Score(Facts.Job() with { ClientBudget = null }, Facts.Cleaner());

        Assert.Equal(70, match.Breakdown.Pricing);
        Assert.DoesNotContain("Budget covers your rate", match.Reasoning);
    }

    [Theory]
    [InlineData("apartment", 100)]
    [InlineData(null, 60)]
    [InlineData("house", 40)]
    public void Specialization_is_100_60_or_40(string? primary, double expected)
    {
        Assert.Equal(expected, JobMatchScorer.Score(Facts.Job(), Facts.Cleaner() with { PrimaryPropertyType = primary }).Breakdown.Specialization);
    }

    [Fact]
    public void Eco_clients_penalise_non_eco_cleaners()
    {
        var job = Facts.Job() with { EcoPreference = true };

        Assert.Equal(32, JobMatchScorer.Score(job, Facts.Cleaner() with { PrimaryPropertyType = "house", EcoShare = 0.2 }).Breakdown.Specialization);
        Assert.Equal(40, JobMatchScorer.Score(job, Facts.Cleaner() with { PrimaryPropertyType = "house", EcoShare = 0.6 }).Breakdown.Specialization);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 75)]
    [InlineData(3, 25)]
    [InlineData(5, 0)]
    public void Availability_drops_25_per_job_in_progress(int inProgress, double expected)
    {
        Assert.Equal(expected, JobMatchScorer.Score(Facts.Job(), Facts.Cleaner() with { JobsInProgress = inProgress }).Breakdown.Availability);
    }

    [Fact]
    public void Weights_sum_to_one()
    {
        var sum = JobMatchScorer.LocationWeight + JobMatchScorer.PricingWeight
            + JobMatchScorer.SpecializationWeight + JobMatchScorer.AvailabilityWeight;

        Assert.Equal(1.0, sum, 10);
    }

    [Fact]
    public void Every_applicable_reason_appears_in_order()
    {
        var job = Facts.Job() with { EcoPreference = true, CurrentBidCount = 2, PropertyType = "house" };
        var cleaner = Facts.Cleaner() with { PrimaryPropertyType = "house", EcoShare = 0.7, JobsInProgress = 2 };

        var match = JobMatchScorer.Score(job, cleaner);

        Assert.Equal(
            ["Close to you (0.0 km)", "Budget covers your rate", "Matches your specialty (houses)", "Eco-friendly client", "Few competing bids (2)"],
            match.Reasoning);
        // Everything at 100 except availability (two jobs in progress): 85 + 0.15 * 50 = 92.5
        Assert.Equal(92.5, match.Score);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Few_competing_bids_means_fewer_than_three(int bids, bool mentioned)
    {
        var match = JobMatchScorer.Score(Facts.Job() with { CurrentBidCount = bids }, Facts.Cleaner());

        Assert.Equal(mentioned, match.Reasoning.Contains($"Few competing bids ({bids})"));
    }

    [Fact]
    public void Eco_friendly_client_is_only_mentioned_to_eco_cleaners()
    {
        var job = Facts.Job() with { EcoPreference = true };

        Assert.DoesNotContain("Eco-friendly client", JobMatchScorer.Score(job, Facts.Cleaner() with { EcoShare = 0.4 }).Reasoning);
        Assert.DoesNotContain("Eco-friendly client", JobMatchScorer.Score(Facts.Job(), Facts.Cleaner()).Reasoning);
    }
}
