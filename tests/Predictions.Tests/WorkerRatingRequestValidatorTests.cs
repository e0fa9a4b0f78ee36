using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Predictions.Validation;
using iAyos.Messaging.Predictions.WorkerRating;

namespace iAyos.Messaging.Predictions.Tests;

public class WorkerRatingRequestValidatorTests
{
    private static readonly PredictWorkerRating Valid = new()
    {
        ProfileCompletion = 75,
        BioLength = 120,
        HourlyRate = 350m,
        YearsExperience = 6,
        SpecializationsCount = 2,
        CertificationsCount = 3,
        VerifiedCertificationsCount = 2,
        CompletedJobs = 14,
        AverageRating = 4.6,
        TotalEarnings = 42_000m,
        ClientSatisfaction = 90,
        IsActive = true,
        Country = "Philippines",
        PrimarySkill = "Plumbing",
    };

    private static void AssertOnlyError(Validated<PredictWorkerRating> result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal([field], result.Errors.Keys.ToArray());
        Assert.NotEmpty(result.Errors[field]);
    }

    [Fact]
    public void Validate_of_a_valid_request_returns_it()
    {
        var result = WorkerRatingRequestValidator.Validate(Valid);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(Valid, result.OrThrow());
    }

    [Fact]
    public void Validate_of_an_all_zero_request_passes()
    {
        Assert.True(WorkerRatingRequestValidator.Validate(new PredictWorkerRating()).IsValid);
    }

    [Theory]
    [InlineData(101.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Validate_with_profile_completion_outside_0_100_reports_profile_completion(double completion)
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { ProfileCompletion = completion }), "profile_completion");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(100.0)]
    public void Validate_accepts_profile_completion_at_the_ends_of_the_range(double completion)
    {
        Assert.True(WorkerRatingRequestValidator.Validate(Valid with { ProfileCompletion = completion }).IsValid);
    }

    [Theory]
    [InlineData(5.5)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Validate_with_average_rating_outside_0_5_reports_average_rating(double rating)
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { AverageRating = rating }), "average_rating");
    }

    [Fact]
    public void Validate_with_more_verified_than_total_certifications_reports_verified_certifications_count()
    {
        var result = WorkerRatingRequestValidator.Validate(Valid with { CertificationsCount = 2, VerifiedCertificationsCount = 3 });

        AssertOnlyError(result, "verified_certifications_count");
    }

    [Fact]
    public void Validate_with_negative_verified_certifications_reports_verified_certifications_count()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { VerifiedCertificationsCount = -1 }), "verified_certifications_count");
    }

    [Fact]
    public void Validate_with_negative_certifications_reports_only_certifications_count()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { CertificationsCount = -1, VerifiedCertificationsCount = 0 }), "certifications_count");
    }

    [Fact]
    public void Validate_with_a_negative_bio_length_reports_bio_length()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { BioLength = -1 }), "bio_length");
    }

    [Fact]
    public void Validate_with_a_negative_hourly_rate_reports_hourly_rate()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { HourlyRate = -1m }), "hourly_rate");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(81.0)]
    public void Validate_with_implausible_years_of_experience_reports_years_experience(double years)
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { YearsExperience = years }), "years_experience");
    }

    [Fact]
    public void Validate_with_negative_specializations_reports_specializations_count()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { SpecializationsCount = -1 }), "specializations_count");
    }

    [Fact]
    public void Validate_with_negative_completed_jobs_reports_completed_jobs()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { CompletedJobs = -1 }), "completed_jobs");
    }

    [Fact]
    public void Validate_with_negative_total_earnings_reports_total_earnings()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { TotalEarnings = -0.01m }), "total_earnings");
    }

    [Fact]
    public void Validate_with_client_satisfaction_over_100_reports_client_satisfaction()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { ClientSatisfaction = 100.5 }), "client_satisfaction");
    }

    [Fact]
    public void Validate_accepts_unknown_client_satisfaction_and_activity()
    {
        Assert.True(WorkerRatingRequestValidator.Validate(Valid with { ClientSatisfaction = null, IsActive = null }).IsValid);
    }

    [Fact]
    public void Validate_with_a_country_over_100_characters_reports_country()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { Country = new string('p', 101) }), "country");
    }

    [Fact]
    public void Validate_with_a_primary_skill_over_100_characters_reports_primary_skill()
    {
        AssertOnlyError(WorkerRatingRequestValidator.Validate(Valid with { PrimarySkill = new string('s', 101) }), "primary_skill");
    }

    [Fact]
    public void OrThrow_of_an_invalid_request_throws_naming_the_field()
    {
        var result = WorkerRatingRequestValidator.Validate(Valid with { AverageRating = 5.5 });

        var ex = Assert.Throws<InvalidRequestException>(() => result.OrThrow());
        Assert.Contains("average_rating", ex.Message);
        Assert.Equal(["average_rating"], ex.Errors.Keys.ToArray());
    }
}
