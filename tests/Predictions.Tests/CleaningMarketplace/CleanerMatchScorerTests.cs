using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Predictions.Tests.CleaningMarketplace;

public class CleanerMatchScorerTests
{
    private const double MaxKm = 20;

    private static CleanerMatch Score(JobFacts job, CleanerFacts cleaner, double maxKm = MaxKm) =>
        CleanerMatchScorer.Score(job, cleaner, maxKm) ?? throw new Xunit.Sdk.XunitException("expected a match");

    [Fact]
    public void A_fully_hand_computed_match()
    {
        var job = Facts.Job() with { EcoPreference = true, ClientBudget = 48m };
        var cleaner = Facts.Cleaner() with
        {
            Latitude = Facts.SixKmNorthLat, QualityScore = 90, EcoShare = 0.3, JobsInProgress = 2,
        };

        var match = Score(job, cleaner);

        // quality 90; location 100 * (1 - 6.0045 / 20) = 69.98 -> 70.0; pricing 100 * 48 / (20 * 3) = 80;
        // specialization 100 (apartment) * 0.8 (eco client, eco share 0.3) = 80; availability 100 - 2 * 25 = 50.
        Assert.Equal(90, match.Breakdown.Quality);
        Assert.Equal(70.0, match.Breakdown.Location);
        Assert.Equal(80, match.Breakdown.Pricing);
        Assert.Equal(80, match.Breakdown.Specialization);
        Assert.Equal(50, match.Breakdown.Availability);
        // 0.35 * 90 + 0.25 * 70 + 0.15 * 80 + 0.15 * 80 + 0.10 * 50 = 31.5 + 17.5 + 12 + 12 + 5 = 78.0
        Assert.Equal(78.0, match.Score);
        Assert.Equal(6.0, match.DistanceKm);
        Assert.Equal(["High quality score (90/100)", "Within 6.0 km", "Specializes in apartments"], match.Reasoning);
    }

    [Fact]
    public void A_cleaner_beyond_the_maximum_distance_is_left_out()
    {
        var cleaner = Facts.Cleaner() with { Latitude = Facts.SixKmNorthLat };

        Assert.Null(CleanerMatchScorer.Score(Facts.Job(), cleaner, 5));
        Assert.NotNull(CleanerMatchScorer.Score(Facts.Job(), cleaner, 6.01));
    }

    [Fact]
    public void Location_is_linear_from_100_at_the_door_to_0_at_the_limit()
    {
        var atDoor = Score(Facts.Job(), Facts.Cleaner());
        var sixKm = Facts.Cleaner() with { Latitude = Facts.SixKmNorthLat };

        Assert.Equal(100, atDoor.Breakdown.Location);
        Assert.Equal(70.0, Score(Facts.Job(), sixKm, 20).Breakdown.Location);
        // 100 * (1 - 6.0045 / 12) = 49.96 -> 50.0
        Assert.Equal(50.0, Score(Facts.Job(), sixKm, 12).Breakdown.Location);
        Assert.Equal(0, Score(Facts.Job(), sixKm, 6.00454).Breakdown.Location);
    }

    [Fact]
    public void An_inactive_cleaner_is_left_out()
    {
        Assert.Null(CleanerMatchScorer.Score(Facts.Job(), Facts.Cleaner() with { IsActive = false }, MaxKm));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void A_maximum_distance_that_is_not_positive_is_refused(double maxKm)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CleanerMatchScorer.Score(Facts.Job(), Facts.Cleaner(), maxKm));
    }

    [Theory]
    [InlineData(60, 100)]    // budget = 20 EUR/h * 3 h
    [InlineData(90, 100)]    // over the expected price still 100
    [InlineData(45, 75)]     // 45 / 60
    [InlineData(50, 83.3)]   // 50 / 60 = 83.33 -> 83.3
    [InlineData(0, 0)]
    public void Pricing_is_100_at_or_under_budget_and_proportional_above_it(double budget, double expected)
    {
        var match = Score(Facts.Job() with { ClientBudget = (decimal)budget }, Facts.Cleaner());

        Assert.Equal(expected, match.Breakdown.Pricing);
    }

    [Fact]
    public void Pricing_with_an_unknown_budget_is_a_neutral_70()
    {
        var match = Score(Facts.Job() with { ClientBudget = null }, Facts.Cleaner());

        Assert.Equal(70, match.Breakdown.Pricing);
        Assert.DoesNotContain("Within the client's budget", match.Reasoning);
    }

    [Theory]
    [InlineData("apartment", false, 0.0, 100)]
    [InlineData("Apartment", false, 0.0, 100)]  // property types compare case-insensitively
    [InlineData(null, false, 0.0, 60)]
    [InlineData("office", false, 0.0, 40)]
    [InlineData("apartment", true, 0.3, 80)]    // eco client, non-eco cleaner: x 0.8
    [InlineData(null, true, 0.3, 48)]
    [InlineData("office", true, 0.49, 32)]
    [InlineData("office", true, 0.5, 40)]       // 0.5 counts as eco
    [InlineData("apartment", true, 0.9, 100)]
    public void Specialization_is_100_60_or_40_with_an_eco_penalty(string? primary, bool ecoClient, double ecoShare, double expected)
    {
        var job = Facts.Job() with { EcoPreference = ecoClient };
        var cleaner = Facts.Cleaner() with { PrimaryPropertyType = primary, EcoShare = ecoShare };

        Assert.Equal(expected, Score(job, cleaner).Breakdown.Specialization);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 75)]
    [InlineData(2, 50)]
    [InlineData(3, 25)]
    [InlineData(4, 0)]
    [InlineData(7, 0)]
    public void Availability_drops_25_per_job_in_progress(int inProgress, double expected)
    {
        Assert.Equal(expected, Score(Facts.Job(), Facts.Cleaner() with { JobsInProgress = inProgress }).Breakdown.Availability);
    }

    [Fact]
    public void Weights_sum_to_one()
    {
        var sum = CleanerMatchScorer.QualityWeight + CleanerMatchScorer.LocationWeight + CleanerMatchScorer.PricingWeight
            + CleanerMatchScorer.SpecializationWeight + CleanerMatchScorer.AvailabilityWeight;

        Assert.Equal(1.0, sum, 10);
    }

    [Fact]
    public void A_perfect_pair_scores_100()
    {
        var match = Score(Facts.Job(), Facts.Cleaner() with { QualityScore = 100, JobsInProgress = 0 });

        Assert.Equal(100, match.Score);
    }

    [Fact]
    public void Every_applicable_reason_appears_in_order()
    {
        var job = Facts.Job() with { EcoPreference = true, PropertyType = "office" };
        var cleaner = Facts.Cleaner() with
        {
            QualityScore = 80, PrimaryPropertyType = "office", EcoShare = 0.5, JobsInProgress = 0, TotalJobs = 0,
        };

        var match = Score(job, cleaner);

        Assert.Equal(
            [
                "High quality score (80/100)", "Nearby (0.0 km)", "Within the client's budget", "Specializes in offices",
                "Uses eco-friendly products", "Available now", "New on the platform",
            ],
            match.Reasoning);
    }

    [Fact]
    public void Only_the_reasons_that_apply_appear()
    {
        var job = Facts.Job() with { EcoPreference = true, ClientBudget = 30m };
        var cleaner = Facts.Cleaner() with
        {
            Latitude = Facts.SixKmNorthLat, QualityScore = 64.9, PrimaryPropertyType = "villa", EcoShare = 0.1,
        };

        Assert.Equal(["Within 6.0 km"], Score(job, cleaner).Reasoning);
    }

    [Theory]
    [InlineData(80, "High quality score (80/100)")]
    [InlineData(92.5, "High quality score (92.5/100)")]
    [InlineData(79.9, "Good quality score (79.9/100)")]
    [InlineData(65, "Good quality score (65/100)")]
    public void Quality_reason_depends_on_the_score(double quality, string expected)
    {
        var match = Score(Facts.Job(), Facts.Cleaner() with { QualityScore = quality });

        Assert.Equal(expected, match.Reasoning[0]);
    }

    [Fact]
    public void Eco_products_are_only_mentioned_to_an_eco_minded_client()
    {
        var ecoCleaner = Facts.Cleaner() with { EcoShare = 0.9 };

        Assert.DoesNotContain("Uses eco-friendly products", Score(Facts.Job(), ecoCleaner).Reasoning);
        Assert.Contains("Uses eco-friendly products", Score(Facts.Job() with { EcoPreference = true }, ecoCleaner).Reasoning);
    }

    [Fact]
    public void Specialty_reason_pluralises_the_property_type()
    {
        var job = Facts.Job() with { PropertyType = "Villa" };

        Assert.Contains("Specializes in villas", Score(job, Facts.Cleaner() with { PrimaryPropertyType = "villa" }).Reasoning);
    }
}
