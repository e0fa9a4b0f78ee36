using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.WorkerRating;

namespace iAyos.Messaging.Predictions.Tests;

public class WorkerRatingHeuristicTests
{
    private const string Source = "fallback";

    // The seed's three example suggestions (001, Model 3 response).
    private const string AddCertifications = "Add professional certifications to build trust with clients";
    private const string VerifyCertifications = "Get your certifications verified to increase your credibility";
    private const string CompleteProfile = "Complete your profile to at least 80% for better visibility";

    private static readonly PredictWorkerRating Perfect = new()
    {
        ProfileCompletion = 100,
        BioLength = 250,
        HourlyRate = 450m,
        YearsExperience = 12,
        SpecializationsCount = 3,
        CertificationsCount = 5,
        VerifiedCertificationsCount = 5,
        CompletedJobs = 80,
        AverageRating = 5.0,
        IsActive = true,
    };

    private static readonly PredictWorkerRating Middle = new()
    {
        ProfileCompletion = 80,          // 80/100 * 20 = 16
        BioLength = 100,                 // 100/200 * 5 = 2.5
        YearsExperience = 5,             // 5/10 * 15 = 7.5
        SpecializationsCount = 2,
        CertificationsCount = 1,         // 1 * 2 + 1/1 * 5 = 7
        VerifiedCertificationsCount = 1,
        CompletedJobs = 25,              // 25/50 * 15 = 7.5
        AverageRating = 4.0,             // 4/5 * 25 = 20
        HourlyRate = 300m,               // 5
        IsActive = true,                 // 5
    };                                   // total 70.5

    private static WorkerRatingPrediction Estimate(PredictWorkerRating r) => WorkerRatingHeuristic.Estimate(r, Source);

    [Fact]
    public void Estimate_of_a_perfect_profile_scores_exactly_100_excellent_with_no_suggestions()
    {
        var result = Estimate(Perfect);

        Assert.Equal(100.0, result.ProfileScore);
        Assert.Equal("Excellent", result.RatingCategory);
        Assert.Empty(result.ImprovementSuggestions);
    }

    [Fact]
    public void Estimate_of_an_empty_profile_scores_0_poor()
    {
        var result = Estimate(new PredictWorkerRating());

        Assert.Equal(0.0, result.ProfileScore);
        Assert.Equal("Poor", result.RatingCategory);
    }

    [Fact]
    public void Estimate_of_a_middle_profile_scores_the_hand_computed_70_5_good()
    {
        var result = Estimate(Middle);

        Assert.Equal(70.5, result.ProfileScore);
        Assert.Equal("Good", result.RatingCategory);
    }

    [Fact]
    public void Components_of_the_middle_profile_match_the_seed_points_table()
    {
        var points = WorkerRatingHeuristic.Components(Middle).ToDictionary(c => c.Name, c => c.Points);

        Assert.Equal(16.0, points["profile_completion"], 9);
        Assert.Equal(2.5, points["bio"], 9);
        Assert.Equal(7.5, points["experience"], 9);
        Assert.Equal(7.0, points["certifications"], 9);
        Assert.Equal(7.5, points["completed_jobs"], 9);
        Assert.Equal(20.0, points["average_rating"], 9);
        Assert.Equal(5.0, points["hourly_rate"], 9);
        Assert.Equal(5.0, points["active_status"], 9);
    }

    [Fact]
    public void Components_maximum_points_sum_to_100()
    {
        var components = WorkerRatingHeuristic.Components(new PredictWorkerRating());

        Assert.Equal(100.0, components.Sum(c => c.MaxPoints));
        Assert.Equal(8, components.Count);
    }

    [Fact]
    public void Estimate_of_the_middle_profile_suggests_the_biggest_losses_first()
    {
        var result = Estimate(Middle);

        Assert.Equal(
            [
                "Complete more jobs to build your track record",            // 7.5 missing
                "Focus on service quality to raise your average rating",    // 5 missing
                "Write a bio of at least 200 characters describing your skills and experience", // 2.5 missing
            ],
            result.ImprovementSuggestions);
    }

    [Fact]
    public void Estimate_caps_certifications_at_10_points()
    {
        // 6 certs * 2 + 6/6 * 5 = 17 uncapped
        var result = Estimate(new PredictWorkerRating { CertificationsCount = 6, VerifiedCertificationsCount = 6 });

        Assert.Equal(10.0, result.ProfileScore);
        var certs = WorkerRatingHeuristic.Components(new PredictWorkerRating { CertificationsCount = 6, VerifiedCertificationsCount = 6 })
            .Single(c => c.Name == "certifications");
        Assert.Equal(10.0, certs.Points);
    }

    [Fact]
    public void Estimate_counts_unverified_certifications_at_2_points_each()
    {
        // 2 certs, 1 verified: 2 * 2 + 0.5 * 5 = 6.5
        var result = Estimate(new PredictWorkerRating { CertificationsCount = 2, VerifiedCertificationsCount = 1 });

        Assert.Equal(6.5, result.ProfileScore);
    }

    [Fact]
    public void Estimate_gives_no_activity_points_when_activity_is_unknown()
    {
        var result = Estimate(Perfect with { IsActive = null });

        Assert.Equal(95.0, result.ProfileScore);
        Assert.Contains("Stay active on the platform so clients see you are available", result.ImprovementSuggestions);
    }

    [Fact]
    public void Estimate_gives_no_activity_points_when_inactive()
    {
        Assert.Equal(95.0, Estimate(Perfect with { IsActive = false }).ProfileScore);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    public void Estimate_gives_no_rate_points_when_no_hourly_rate_is_set(double? rate)
    {
        var result = Estimate(Perfect with { HourlyRate = (decimal?)rate });

        Assert.Equal(95.0, result.ProfileScore);
        Assert.Equal(["Set your hourly rate so clients can see your pricing up front"], result.ImprovementSuggestions);
    }

    [Fact]
    public void Estimate_returns_at_most_five_suggestions_ordered_by_points_missing()
    {
        var result = Estimate(new PredictWorkerRating());

        // Missing: profile 20, experience 15, jobs 15, certifications 10, bio 5, rate 5, active 5 (rating has
        // no suggestion without completed jobs). The top five, ties in table order:
        Assert.Equal(
            [
                CompleteProfile,
                "Add your specializations and years of experience for each",
                "Complete more jobs to build your track record",
                AddCertifications,
                "Write a bio of at least 200 characters describing your skills and experience",
            ],
            result.ImprovementSuggestions);
    }

    [Fact]
    public void Estimate_suggests_adding_certifications_when_there_are_none()
    {
        var result = Estimate(Perfect with { CertificationsCount = 0, VerifiedCertificationsCount = 0 });

        Assert.Equal(90.0, result.ProfileScore);
        Assert.Equal([AddCertifications], result.ImprovementSuggestions);
    }

    [Fact]
    public void Estimate_suggests_verifying_certifications_when_some_are_unverified()
    {
        // 1 cert, 0 verified: 2 points of 10
        var result = Estimate(Perfect with { CertificationsCount = 1, VerifiedCertificationsCount = 0 });

        Assert.Equal(92.0, result.ProfileScore);
        Assert.Equal([VerifyCertifications], result.ImprovementSuggestions);
    }

    [Fact]
    public void Estimate_suggests_completing_the_profile_below_80_percent()
    {
        var result = Estimate(Perfect with { ProfileCompletion = 60 });

        Assert.Equal(92.0, result.ProfileScore); // 100 - 20 * 0.4
        Assert.Equal([CompleteProfile], result.ImprovementSuggestions);
    }

    [Fact]
    public void Estimate_does_not_suggest_completing_a_profile_at_80_percent()
    {
        var result = Estimate(Perfect with { ProfileCompletion = 80 });

        Assert.Equal(96.0, result.ProfileScore);
        Assert.Empty(result.ImprovementSuggestions);
    }

    [Fact]
    public void Estimate_does_not_suggest_rating_quality_to_a_worker_without_jobs()
    {
        var result = Estimate(Perfect with { CompletedJobs = 0, AverageRating = 0 });

        Assert.DoesNotContain("Focus on service quality to raise your average rating", result.ImprovementSuggestions);
        Assert.Equal(60.0, result.ProfileScore); // lost 15 (jobs) and 25 (rating)
    }

    [Fact]
    public void Estimate_passes_the_source_through()
    {
        Assert.Equal("gateway_fallback", WorkerRatingHeuristic.Estimate(Perfect, "gateway_fallback").Source);
    }

    [Theory]
    [InlineData(100.0, "Excellent")]
    [InlineData(85.0, "Excellent")]
    [InlineData(84.9, "Good")]
    [InlineData(70.0, "Good")]
    [InlineData(69.9, "Fair")]
    [InlineData(50.0, "Fair")]
    [InlineData(49.9, "Poor")]
    [InlineData(0.0, "Poor")]
    public void RatingCategories_bands_follow_the_seed(double score, string expected)
    {
        Assert.Equal(expected, RatingCategories.For(score));
    }
}
