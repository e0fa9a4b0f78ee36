using System.Text.Json;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.CompletionTime;

namespace iAyos.Messaging.Predictions.Tests;

public class CompletionTimeFeatureTests
{
    private static readonly DateTimeOffset Monday9am = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly WorkerHistory Worker = new()
    {
        CompletedJobs = 25, ReviewedJobs = 20, AverageRating = 4.0, TotalEarnings = 50_000m,
        PaceLog = -0.4, PacedJobs = 9, SpecializationsCount = 3, YearsExperience = 10, ProfileCompletion = 80,
    };

    private static readonly CompletionTimeFeatureSpec Served = new()
    {
        Configuration = CompletionTimeFeatureConfigurations.Served,
        Categories = ["Plumbing", "Painting"],
        CategoryLogHours = new Dictionary<string, double> { ["Plumbing"] = 1.5, ["Painting"] = 2.4 },
        OverallLogHours = 2.0,
        CategoryBudget = new Dictionary<string, double> { ["Plumbing"] = 2000, ["Painting"] = 4000 },
        OverallBudget = 3000,
        PaceShrinkageJobs = 3,
    };

    [Fact]
    public void The_seeds_six_worker_history_features_come_from_the_request()
    {
        var f = CompletionTimeFeatures.Extract(new PredictCompletionTime { Worker = Worker }, "Plumbing", new CompletionTimeFeatureSpec(), Monday9am);

        Assert.Equal(43, f.Length);
        Assert.Equal([0.25f, 0.8f, 0.5f, 0.3f, 0.5f, 0.8f], f[37..]);
    }

    [Fact]
    public void Day_hour_and_month_are_those_of_the_time_given()
    {
        var f = CompletionTimeFeatures.Extract(new PredictCompletionTime(), null, new CompletionTimeFeatureSpec(), Monday9am);

        Assert.Equal([1 / 6f, 9 / 23f, 2 / 11f], f[34..37]);
    }

    [Fact]
    public void Served_features_add_the_category_prior_the_budget_against_the_usual_and_the_shrunk_pace()
    {
        var f = CompletionTimeFeatures.Extract(new PredictCompletionTime { Budget = 8000, Worker = Worker }, "painting", Served, Monday9am);

        Assert.Equal(47, f.Length);
        Assert.Equal(2.4f, f[43]);                               // Painting's prior, matched case-insensitively
        Assert.Equal((float)Math.Log(2), f[44], 5);              // twice the usual Painting budget
        Assert.Equal((float)(-0.4 * 9 / 12.0), f[45], 5);        // pace shrunk by 9 / (9 + 3)
        Assert.Equal(9 / 20f, f[46]);
    }

    [Fact]
    public void Served_features_of_an_unknown_category_and_no_worker_fall_back_to_the_overall_values_and_zeros()
    {
        var f = CompletionTimeFeatures.Extract(new PredictCompletionTime { Budget = 3000 }, "Origami", Served, Monday9am);

        Assert.Equal(0f, f[4..34].Sum());
        Assert.Equal([2.0f, 0f, 0f, 0f], f[43..]);
    }

    [Fact]
    public void A_conformal_spec_states_the_interval_in_log1p_hours()
    {
        var spec = new CompletionTimeFeatureSpec { IntervalHalfWidth = 0.4 };

        var p = CompletionTimeFeatures.ToPrediction((float)Math.Log(1 + 9.0), spec, 2, "Plumbing");

        Assert.Equal(9.0, p.PredictedHours, 2);
        Assert.Equal(Math.Round(10 * Math.Exp(-0.4) - 1, 2), p.ConfidenceIntervalLower);
        Assert.Equal(Math.Round(10 * Math.Exp(0.4) - 1, 2), p.ConfidenceIntervalUpper);
        Assert.Equal(0.75, p.ConfidenceLevel);
        Assert.Equal("9 hours", p.FormattedDuration);
    }

    [Fact]
    public void A_spec_round_trips_and_a_bad_one_is_refused()
    {
        Assert.Equal(Served.ToJson(), CompletionTimeFeatureSpec.Parse(Served.ToJson()).ToJson());
        Assert.Throws<JsonException>(() => CompletionTimeFeatureSpec.Parse("""{"configuration":"lstm9"}"""));
        Assert.Throws<JsonException>(() => CompletionTimeFeatureSpec.Parse("""{"interval_half_width":-1}"""));
        Assert.Throws<JsonException>(() => CompletionTimeFeatureSpec.Parse("""{"configuration":"served","overall_budget":0}"""));
    }
}
