using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.WorkerRating;

namespace iAyos.Messaging.Predictions.Tests;

public class ModelFeatureTests
{
    [Fact]
    public void Worker_rating_features_follow_the_seeds_43()
    {
        var f = WorkerRatingFeatures.Extract(new PredictWorkerRating
        {
            ProfileCompletion = 80, BioLength = 250, HourlyRate = 300, YearsExperience = 10, SpecializationsCount = 2,
            CertificationsCount = 4, VerifiedCertificationsCount = 1, CompletedJobs = 50, AverageRating = 4.5,
            TotalEarnings = 125_000, ClientSatisfaction = null, IsActive = null, Country = "india", PrimarySkill = "Plumbing",
        });

        Assert.Equal(43, f.Length);
        Assert.Equal([0.8f, 0.5f, 1f, 0.25f, 0.2f, 0.4f, 0.25f, 0.5f, 0.9f, 0.25f, 0.5f, 0.5f], f[..12]);
        Assert.Equal(1f, f[12 + 1]);          // India, the second country, case-insensitive
        Assert.Equal(1f, f[12 + 20 + 10]);    // an unlisted skill counts as "Other"
        Assert.Equal(2f, f[12..].Sum());
    }

    [Fact]
    public void Completion_time_features_follow_the_seeds_43_with_worker_history_zero()
    {
        var spec = new CompletionTimeFeatureSpec { Categories = ["Plumbing", "Electrical"] };
        var at = new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero); // a Sunday, 23:00, November

        var f = CompletionTimeFeatures.Extract(
            new PredictCompletionTime { Budget = 5000, Urgency = "HIGH", Materials = ["a", "b", "c"], JobType = "INVITE" }, "electrical", spec, at);

        Assert.Equal(43, f.Length);
        Assert.Equal([0.05f, 2f, 3f, 1f], f[..4]);
        Assert.Equal(1f, f[4 + 1]);
        Assert.Equal(1f, f[4..34].Sum());
        Assert.Equal(0f, f[34]);              // Sunday = 0 / 6
        Assert.Equal(1f, f[35]);              // 23 / 23
        Assert.Equal(10 / 11f, f[36], 5);     // (11 - 1) / 11
        Assert.All(f[37..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_completion_time_output_becomes_hours_with_a_75_percent_interval()
    {
        var p = CompletionTimeFeatures.ToPrediction((float)Math.Log(1 + 4.0), new CompletionTimeFeatureSpec { LogResidualSd = 0.5 }, 3, "Plumbing");

        Assert.Equal(4.0, p.PredictedHours, 2);
        Assert.Equal(4.0 / Math.Exp(1.1503493803760079 * 0.5), p.ConfidenceIntervalLower, 2);
        Assert.Equal(4.0 * Math.Exp(1.1503493803760079 * 0.5), p.ConfidenceIntervalUpper, 2);
        Assert.Equal("4 hours", p.FormattedDuration);
        Assert.Equal("model", p.Source);
        Assert.Equal(3, p.ModelVersion);
    }

    [Fact]
    public void A_worker_rating_output_is_scaled_to_0_100_with_bands_and_suggestions_from_rescored_changes()
    {
        var changes = WorkerRatingProfileChanges.All;
        var p = WorkerRatingModelOutput.ToPrediction(0.873f, [(changes[0], 0.90f), (changes[1], 0.873f), (changes[6], 0.95f), (changes[4], 0.80f)], 2);

        Assert.Equal(87.3, p.ProfileScore);
        Assert.Equal("Excellent", p.RatingCategory);
        Assert.Equal("model", p.Source);
        // Most points first; no gain (bio) and a loss (certification) are not suggested.
        Assert.Equal([(changes[6].Change, 7.7), (changes[0].Change, 2.7)], p.SuggestedChanges.Select(c => (c.Change, c.Gain)));
        Assert.Equal([changes[6].Text, changes[0].Text], p.ImprovementSuggestions);
    }

    [Fact]
    public void A_worker_rating_output_states_its_75_percent_interval_within_0_to_100_when_the_spec_has_one()
    {
        var near = WorkerRatingModelOutput.ToPrediction(0.95f, [], 1, intervalHalfWidth: 8.4);
        var none = WorkerRatingModelOutput.ToPrediction(0.5f, [], 1);

        Assert.Equal((86.6, 100.0, 0.75), (near.ScoreIntervalLower!.Value, near.ScoreIntervalUpper!.Value, near.ConfidenceLevel!.Value));
        Assert.Null(none.ScoreIntervalLower);
        Assert.Null(none.ScoreIntervalUpper);
        Assert.Null(none.ConfidenceLevel);
    }

    [Fact]
    public void Worker_rating_features_by_name_match_the_seeds_order_and_changes_touch_only_the_profile()
    {
        var request = new PredictWorkerRating
        {
            ProfileCompletion = 60, BioLength = 120, YearsExperience = 3, CertificationsCount = 2, VerifiedCertificationsCount = 1,
            CompletedJobs = 12, AverageRating = 4.2, TotalEarnings = 30_000, ClientSatisfaction = 80, IsActive = false,
        };

        Assert.Equal(WorkerRatingFeatures.Extract(request), WorkerRatingFeatures.Extract(request, WorkerRatingFeatures.SeedNames));
        var applicable = WorkerRatingProfileChanges.Applicable(request, new WorkerRatingFeatureSpec { TypicalHourlyRate = 250 });
        Assert.Equal(WorkerRatingProfileChanges.All.Count, applicable.Count);
        Assert.All(applicable, c =>
        {
            Assert.Equal((request.CompletedJobs, request.AverageRating, request.TotalEarnings, request.ClientSatisfaction),
                (c.Changed.CompletedJobs, c.Changed.AverageRating, c.Changed.TotalEarnings, c.Changed.ClientSatisfaction));
            Assert.NotEqual(request, c.Changed);
        });
        Assert.Equal(250m, applicable.Single(c => c.Change.Change == "set_hourly_rate").Changed.HourlyRate);
        var done = request with { ProfileCompletion = 100, BioLength = 600, HourlyRate = 300, VerifiedCertificationsCount = 2, IsActive = true };
        Assert.Equal(["add_certification", "add_specialization"], WorkerRatingProfileChanges.Applicable(done, new WorkerRatingFeatureSpec()).Select(c => c.Change.Change));
    }
}
