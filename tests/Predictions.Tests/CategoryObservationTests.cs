using iAyos.Messaging.Predictions.Categories;

namespace iAyos.Messaging.Predictions.Tests;

public class CategoryObservationTests
{
    // Defaults: 800 / 1800 / 4500 PHP, 4 hours. Observed: quartiles 1000 / 2000 / 5000, ln(hours) mean ln 9, sd 0.9.
    private static CategoryObservation Observation(int completedJobs,
        decimal? p25 = 1000m, decimal? median = 2000m, decimal? p75 = 5000m,
        double? meanLogHours = null, double? sdLogHours = 0.9) =>
        new(4, "Carpentry", 800m, 1800m, 4500m, 4.0, completedJobs, p25, median, p75,
            meanLogHours ?? Math.Log(9.0), sdLogHours);

    [Fact]
    public void Blend_with_no_completed_jobs_returns_the_defaults_and_the_default_spread()
    {
        var stats = Observation(0).Blend();

        Assert.Equal(new CategoryStats(4, "Carpentry", 800m, 1800m, 4500m, 4.0, 0.5, 0), stats);
    }

    [Fact]
    public void Blend_with_a_negative_job_count_reports_zero_jobs()
    {
        var stats = Observation(-3).Blend();

        Assert.Equal(0, stats.CompletedJobs);
        Assert.Equal(1800m, stats.AvgPrice);
    }

    [Fact]
    public void Blend_with_10_jobs_weighs_observations_and_defaults_equally()
    {
        var stats = Observation(10).Blend();

        // w = 10 / (10 + 10) = 0.5
        Assert.Equal(900.00m, stats.MinPrice);   // 0.5 * 800 + 0.5 * 1000
        Assert.Equal(1900.00m, stats.AvgPrice);  // 0.5 * 1800 + 0.5 * 2000
        Assert.Equal(4750.00m, stats.MaxPrice);  // 0.5 * 4500 + 0.5 * 5000
        // exp(0.5 ln 4 + 0.5 ln 9) = sqrt(36) = 6
        Assert.Equal(6.0, stats.MedianHours, 9);
        Assert.Equal(0.7, stats.LogHoursSd, 9); // 0.5 * 0.5 + 0.5 * 0.9
        Assert.Equal(10, stats.CompletedJobs);
        Assert.Equal(4, stats.Id);
        Assert.Equal("Carpentry", stats.Name);
    }

    [Fact]
    public void Blend_with_30_jobs_gives_observations_three_quarters_of_the_weight()
    {
        var stats = Observation(30).Blend();

        // w = 30 / 40 = 0.75
        Assert.Equal(950.00m, stats.MinPrice);   // 0.25 * 800 + 0.75 * 1000
        Assert.Equal(1950.00m, stats.AvgPrice);  // 0.25 * 1800 + 0.75 * 2000
        Assert.Equal(4875.00m, stats.MaxPrice);  // 0.25 * 4500 + 0.75 * 5000
        // 4^0.25 * 9^0.75 = 1.41421356 * 5.19615242 = 7.34846923
        Assert.Equal(7.348469228, stats.MedianHours, 6);
        Assert.Equal(0.8, stats.LogHoursSd, 9); // 0.25 * 0.5 + 0.75 * 0.9
    }

    [Fact]
    public void Blend_with_a_single_job_barely_moves_the_defaults()
    {
        var stats = Observation(1, p25: 12_000m, median: 20_000m, p75: 50_000m).Blend();

        // w = 1/11: min = 800 + (12000 - 800)/11 = 1818.18..., avg = 1800 + 18200/11 = 3454.545..., max = 4500 + 45500/11 = 8636.36...
        Assert.Equal(1818.18m, stats.MinPrice);
        Assert.Equal(3454.55m, stats.AvgPrice);
        Assert.Equal(8636.36m, stats.MaxPrice);
    }

    [Fact]
    public void Blend_rounds_prices_to_two_decimals()
    {
        var stats = Observation(30, p25: 1000.01m).Blend();

        // 0.25 * 800 + 0.75 * 1000.01 = 950.0075 -> 950.01
        Assert.Equal(950.01m, stats.MinPrice);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(57)]
    [InlineData(10_000)]
    public void Blend_keeps_min_at_most_avg_at_most_max(int completedJobs)
    {
        // Observed quartiles far from the defaults on both sides.
        var stats = Observation(completedJobs, p25: 100m, median: 5000m, p75: 5001m).Blend();

        Assert.True(stats.MinPrice <= stats.AvgPrice, $"min {stats.MinPrice} > avg {stats.AvgPrice}");
        Assert.True(stats.AvgPrice <= stats.MaxPrice, $"avg {stats.AvgPrice} > max {stats.MaxPrice}");
    }

    [Fact]
    public void Blend_with_many_jobs_is_driven_by_the_observations()
    {
        var stats = Observation(10_000).Blend();

        Assert.InRange(stats.AvgPrice, 1999.00m, 2000.00m);
        Assert.InRange(stats.MedianHours, 8.99, 9.0);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void Blend_with_a_missing_quartile_falls_back_to_the_defaults(bool noP25, bool noMedian, bool noP75)
    {
        var stats = Observation(10,
            p25: noP25 ? null : 1000m,
            median: noMedian ? null : 2000m,
            p75: noP75 ? null : 5000m).Blend();

        Assert.Equal(800m, stats.MinPrice);
        Assert.Equal(1800m, stats.AvgPrice);
        Assert.Equal(4500m, stats.MaxPrice);
        Assert.Equal(4.0, stats.MedianHours);
        Assert.Equal(CategoryObservation.DefaultLogHoursSd, stats.LogHoursSd);
        Assert.Equal(10, stats.CompletedJobs);
    }

    [Fact]
    public void Blend_with_no_mean_log_hours_falls_back_to_the_defaults()
    {
        var stats = new CategoryObservation(4, "Carpentry", 800m, 1800m, 4500m, 4.0, 10, 1000m, 2000m, 5000m, null, 0.9).Blend();

        Assert.Equal(1800m, stats.AvgPrice);
        Assert.Equal(4.0, stats.MedianHours);
        Assert.Equal(0.5, stats.LogHoursSd);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    public void Blend_without_a_usable_observed_spread_uses_the_default_spread(double? sd)
    {
        var stats = Observation(10, sdLogHours: sd).Blend();

        Assert.Equal(0.5, stats.LogHoursSd, 9);
        Assert.Equal(1900.00m, stats.AvgPrice); // prices still blend
    }

    [Fact]
    public void Blend_of_a_mis_ordered_default_row_ignores_the_observations()
    {
        var stats = new CategoryObservation(2, "Odd", 5000m, 1000m, 3000m, 2.0, 10, 1000m, 2000m, 5000m, Math.Log(2.0), 0.5).Blend();

        Assert.Equal(5000m, stats.MinPrice);
        Assert.Equal(1000m, stats.AvgPrice);
        Assert.Equal(3000m, stats.MaxPrice);
    }
}
