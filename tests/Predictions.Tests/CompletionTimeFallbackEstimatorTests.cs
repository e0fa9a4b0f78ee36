using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Predictions.CompletionTime;

namespace iAyos.Messaging.Predictions.Tests;

public class CompletionTimeFallbackEstimatorTests
{
    private const string Source = "fallback";

    // Median 4 hours, ln(hours) sd 0.5, average price 1800 PHP.
    private static readonly CategoryStats Plumbing = new(7, "Plumbing", 800m, 1800m, 4500m, 4.0, 0.5, 12);

    // exp(1.1503493803760079 * 0.5) = exp(0.57517469) = 1.77744100
    private const double SpreadAtSd05 = 1.7774410013;

    private static CompletionTimePrediction Estimate(CategoryStats category, decimal? budget = null, int? categoryId = null) =>
        CompletionTimeFallbackEstimator.Estimate(
            new PredictCompletionTime { CategoryId = categoryId ?? category.Id, Budget = budget },
            new CategoryCatalog([category]), Source);

    [Fact]
    public void Estimate_without_a_budget_predicts_the_category_median_hours()
    {
        var result = Estimate(Plumbing);

        Assert.Equal(4.0, result.PredictedHours);
        Assert.Equal("Plumbing", result.Category);
    }

    [Fact]
    public void Estimate_interval_is_the_median_scaled_by_exp_of_z75_times_sd()
    {
        var result = Estimate(Plumbing);

        // 4 / 1.77744 = 2.2504 -> 2.25; 4 * 1.77744 = 7.1098 -> 7.11
        Assert.Equal(2.25, result.ConfidenceIntervalLower);
        Assert.Equal(7.11, result.ConfidenceIntervalUpper);
    }

    [Fact]
    public void Estimate_interval_widens_with_the_spread()
    {
        var wide = Plumbing with { LogHoursSd = 0.8 };

        var result = Estimate(wide);

        // exp(1.15034938 * 0.8) = 2.50999: 4 / 2.50999 = 1.5936 -> 1.59; 4 * 2.50999 = 10.03997 -> 10.04
        Assert.Equal(1.59, result.ConfidenceIntervalLower);
        Assert.Equal(10.04, result.ConfidenceIntervalUpper);
    }

    [Fact]
    public void Estimate_with_zero_spread_collapses_the_interval_onto_the_median()
    {
        var result = Estimate(Plumbing with { LogHoursSd = 0 });

        Assert.Equal(4.0, result.ConfidenceIntervalLower);
        Assert.Equal(4.0, result.ConfidenceIntervalUpper);
    }

    [Fact]
    public void Z75_is_the_two_sided_75_percent_standard_normal_quantile()
    {
        // Phi(1.15034938) = 0.875, so P(-z < Z < z) = 0.75. Checked against a published table value.
        Assert.Equal(1.1503, CompletionTimeFallbackEstimator.Z75, 4);
        Assert.Equal(SpreadAtSd05, Math.Exp(CompletionTimeFallbackEstimator.Z75 * 0.5), 9);
    }

    [Fact]
    public void Estimate_reports_a_75_percent_confidence_level()
    {
        Assert.Equal(0.75, Estimate(Plumbing).ConfidenceLevel);
    }

    [Fact]
    public void Estimate_with_a_budget_four_times_the_average_doubles_the_hours()
    {
        var result = Estimate(Plumbing, budget: 7200m); // 4 * 1800

        Assert.Equal(8.0, result.PredictedHours);
        // 8 / 1.77744 = 4.5009 -> 4.5; 8 * 1.77744 = 14.2195 -> 14.22
        Assert.Equal(4.5, result.ConfidenceIntervalLower);
        Assert.Equal(14.22, result.ConfidenceIntervalUpper);
    }

    [Fact]
    public void Estimate_with_a_budget_a_hundred_times_the_average_still_only_doubles_the_hours()
    {
        var result = Estimate(Plumbing, budget: 180_000m);

        Assert.Equal(8.0, result.PredictedHours);
    }

    [Theory]
    [InlineData(450)]  // a quarter of the average: sqrt(0.25) = 0.5 exactly
    [InlineData(1)]    // far below: clamped at 0.5
    [InlineData(0.01)]
    public void Estimate_with_a_small_budget_halves_the_hours(double budget)
    {
        var result = Estimate(Plumbing, budget: (decimal)budget);

        Assert.Equal(2.0, result.PredictedHours);
    }

    [Fact]
    public void Estimate_with_a_budget_2_25_times_the_average_multiplies_by_1_5()
    {
        var result = Estimate(Plumbing, budget: 4050m); // sqrt(4050 / 1800) = sqrt(2.25) = 1.5

        Assert.Equal(6.0, result.PredictedHours);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    public void Estimate_with_no_or_zero_budget_leaves_the_median_alone(double? budget)
    {
        var result = Estimate(Plumbing, budget: (decimal?)budget);

        Assert.Equal(4.0, result.PredictedHours);
    }

    [Theory]
    [InlineData(7200, 2.0)]
    [InlineData(1_000_000, 2.0)]
    [InlineData(1800, 1.0)]
    [InlineData(450, 0.5)]
    [InlineData(1, 0.5)]
    [InlineData(0, 1.0)]
    [InlineData(-50, 1.0)]
    public void BudgetFactor_is_sqrt_of_budget_over_average_price_clamped_to_half_and_double(double budget, double expected)
    {
        Assert.Equal(expected, CompletionTimeFallbackEstimator.BudgetFactor((decimal)budget, Plumbing), 12);
    }

    [Fact]
    public void BudgetFactor_is_neutral_when_the_category_has_no_average_price()
    {
        var free = Plumbing with { AvgPrice = 0m };

        Assert.Equal(1.0, CompletionTimeFallbackEstimator.BudgetFactor(5000m, free));
    }

    [Fact]
    public void Estimate_clamps_the_prediction_and_interval_at_720_hours()
    {
        var huge = Plumbing with { MedianHours = 600 };

        var result = Estimate(huge, budget: 7200m); // 600 * 2 = 1200 -> 720

        Assert.Equal(720.0, result.PredictedHours);
        Assert.Equal(720.0, result.ConfidenceIntervalUpper);
        // 720 / 1.77744 = 405.077 -> 405.08
        Assert.Equal(405.08, result.ConfidenceIntervalLower);
        Assert.Equal("30 days", result.FormattedDuration);
    }

    [Fact]
    public void Estimate_clamps_the_prediction_and_interval_at_half_an_hour()
    {
        var tiny = Plumbing with { MedianHours = 0.3 };

        var result = Estimate(tiny);

        Assert.Equal(0.5, result.PredictedHours);
        Assert.Equal(0.5, result.ConfidenceIntervalLower);
        // 0.5 * 1.77744 = 0.8887 -> 0.89
        Assert.Equal(0.89, result.ConfidenceIntervalUpper);
        Assert.Equal("less than 1 hour", result.FormattedDuration);
    }

    [Theory]
    [InlineData(4.0, null, "4 hours")]
    [InlineData(4.0, 4050.0, "6 hours")]
    [InlineData(3.0, 4050.0, "4-5 hours")]  // 3 * sqrt(2.25) = 4.5, the seed's example
    [InlineData(18.0, 7200.0, "1-2 days")]  // 36 hours
    [InlineData(24.0, null, "1 day")]
    public void Estimate_formats_the_duration_like_DurationFormatter(double medianHours, double? budget, string expected)
    {
        var category = Plumbing with { MedianHours = medianHours };

        var result = Estimate(category, budget: (decimal?)budget);

        Assert.Equal(expected, result.FormattedDuration);
        Assert.Equal(DurationFormatter.Format(result.PredictedHours), result.FormattedDuration);
    }

    [Theory]
    [InlineData(3.999, 4.0, "4 hours")]    // reported as 4.0 hours, so it should read "4 hours", not "3-4 hours"
    [InlineData(4.001, 4.0, "4 hours")]    // not "4-5 hours"
    [InlineData(23.998, 24.0, "1 day")]    // not "23-24 hours"
    [InlineData(0.996, 1.0, "1 hour")]     // not "less than 1 hour"
    public void Estimate_words_the_same_hours_it_reports(double medianHours, double reportedHours, string expected)
    {
        // A blended category median (exp of a weighted mean of logs) is rarely an exact number of hours.
        var result = Estimate(Plumbing with { MedianHours = medianHours });

        Assert.Equal(reportedHours, result.PredictedHours);
        Assert.Equal(expected, result.FormattedDuration);
    }

    [Fact]
    public void Estimate_of_an_unknown_category_uses_the_general_category()
    {
        var result = Estimate(Plumbing, categoryId: 999);

        Assert.Equal("General", result.Category);
        Assert.Equal(4.0, result.PredictedHours);
        // General sd 0.8: exp(0.92027950) = 2.50999 -> 1.59 .. 10.04
        Assert.Equal(1.59, result.ConfidenceIntervalLower);
        Assert.Equal(10.04, result.ConfidenceIntervalUpper);
    }

    [Fact]
    public void Estimate_passes_the_source_through()
    {
        var result = CompletionTimeFallbackEstimator.Estimate(new PredictCompletionTime(), CategoryCatalog.Empty, "gateway_fallback");

        Assert.Equal("gateway_fallback", result.Source);
        Assert.Null(result.ModelVersion);
    }

    [Fact]
    public void Estimate_keeps_lower_at_most_predicted_at_most_upper()
    {
        foreach (var hours in new[] { 0.1, 0.5, 1.0, 3.3, 40.0, 500.0, 719.0, 2000.0 })
            foreach (var sd in new[] { 0.0, 0.3, 0.5, 1.2 })
                foreach (var budget in new decimal?[] { null, 10m, 1800m, 1_000_000m })
                {
                    var result = Estimate(Plumbing with { MedianHours = hours, LogHoursSd = sd }, budget);
                    Assert.InRange(result.PredictedHours, 0.5, 720);
                    Assert.InRange(result.ConfidenceIntervalLower, 0.5, result.PredictedHours);
                    Assert.InRange(result.ConfidenceIntervalUpper, result.PredictedHours, 720);
                }
    }
}
