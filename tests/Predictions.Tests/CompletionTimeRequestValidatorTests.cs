using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.Tests;

public class CompletionTimeRequestValidatorTests
{
    private static readonly PredictCompletionTime Valid = new()
    {
        CategoryId = 3,
        Budget = 2500m,
        Urgency = "HIGH",
        Materials = ["pipe", "sealant"],
        JobType = "INVITE",
        WorkerId = 42,
    };

    private static void AssertOnlyError(Validated<PredictCompletionTime> result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal([field], result.Errors.Keys.ToArray());
        Assert.NotEmpty(result.Errors[field]);
    }

    [Fact]
    public void Validate_of_a_valid_request_passes_unchanged()
    {
        var result = CompletionTimeRequestValidator.Validate(Valid);

        Assert.True(result.IsValid);
        var value = result.OrThrow();
        Assert.Equal(3, value.CategoryId);
        Assert.Equal(2500m, value.Budget);
        Assert.Equal("HIGH", value.Urgency);
        Assert.Equal("INVITE", value.JobType);
        Assert.Equal(42, value.WorkerId);
        Assert.Equal(["pipe", "sealant"], value.Materials);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_with_a_non_positive_category_id_reports_category_id(int id)
    {
        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { CategoryId = id }), "category_id");
    }

    [Fact]
    public void Validate_with_a_category_name_over_100_characters_reports_category()
    {
        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { Category = new string('c', 101) }), "category");
    }

    [Fact]
    public void Validate_with_a_negative_budget_reports_budget()
    {
        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { Budget = -0.01m }), "budget");
    }

    [Fact]
    public void Validate_with_a_budget_over_100_million_reports_budget()
    {
        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { Budget = 100_000_000.01m }), "budget");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000_000)]
    public void Validate_accepts_a_budget_at_either_end_of_the_range(int budget)
    {
        Assert.True(CompletionTimeRequestValidator.Validate(Valid with { Budget = budget }).IsValid);
    }

    [Fact]
    public void Validate_with_an_unknown_urgency_reports_urgency()
    {
        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { Urgency = "ASAP" }), "urgency");
    }

    [Fact]
    public void Validate_accepts_lower_case_urgency_and_normalises_it()
    {
        Assert.Equal("HIGH", CompletionTimeRequestValidator.Validate(Valid with { Urgency = "high" }).OrThrow().Urgency);
    }

    [Theory]
    [InlineData("AUCTION")]
    [InlineData("LISTINGS")]
    public void Validate_with_an_unknown_job_type_reports_job_type(string jobType)
    {
        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { JobType = jobType }), "job_type");
    }

    [Fact]
    public void Validate_normalises_the_job_type()
    {
        Assert.Equal("INVITE", CompletionTimeRequestValidator.Validate(Valid with { JobType = "invite" }).OrThrow().JobType);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public void Validate_with_a_non_positive_worker_id_reports_worker_id(long workerId)
    {
        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { WorkerId = workerId }), "worker_id");
    }

    [Fact]
    public void Validate_with_51_materials_reports_materials()
    {
        var materials = Enumerable.Range(1, 51).Select(i => $"m{i}").ToArray();

        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { Materials = materials }), "materials");
    }

    [Fact]
    public void OrThrow_of_an_invalid_request_throws_naming_the_field()
    {
        var result = CompletionTimeRequestValidator.Validate(Valid with { WorkerId = 0 });

        var ex = Assert.Throws<InvalidRequestException>(() => result.OrThrow());
        Assert.Contains("worker_id", ex.Message);
        Assert.Equal(["worker_id"], ex.Errors.Keys.ToArray());
    }

    [Fact]
    public void Validate_of_an_empty_request_fills_the_defaults()
    {
        var value = CompletionTimeRequestValidator.Validate(new PredictCompletionTime
        {
            Category = "  ",
            Urgency = null!,
            JobType = "   ",
            Materials = null!,
        }).OrThrow();

        Assert.Null(value.CategoryId);
        Assert.Null(value.Category);
        Assert.Null(value.Budget);
        Assert.Null(value.WorkerId);
        Assert.Equal("MEDIUM", value.Urgency);
        Assert.Equal("LISTING", value.JobType);
        Assert.NotNull(value.Materials);
        Assert.Empty(value.Materials);
    }

    [Fact]
    public void Validate_trims_the_category_name()
    {
        Assert.Equal("Electrical", CompletionTimeRequestValidator.Validate(Valid with { Category = " Electrical  " }).OrThrow().Category);
    }

    private static readonly WorkerHistory Worker = new()
    {
        CompletedJobs = 12, ReviewedJobs = 10, AverageRating = 4.5, AverageSatisfaction = 80, TotalEarnings = 30_000m,
        PaceLog = -0.2, PacedJobs = 12, SpecializationsCount = 2, YearsExperience = 6, ProfileCompletion = 90,
    };

    [Fact]
    public void Validate_accepts_a_worker_history_and_a_posted_time()
    {
        var request = Valid with { Worker = Worker, PostedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero) };

        var valid = CompletionTimeRequestValidator.Validate(request).OrThrow();
        Assert.Equal((Worker, request.PostedAt), (valid.Worker, valid.PostedAt));
    }

    [Theory]
    [InlineData("worker.average_rating")]
    [InlineData("worker.completed_jobs")]
    [InlineData("worker.paced_jobs")]
    [InlineData("worker.pace_log")]
    [InlineData("worker.years_experience")]
    [InlineData("worker.profile_completion")]
    [InlineData("worker.total_earnings")]
    [InlineData("worker.specializations_count")]
    [InlineData("worker.average_satisfaction")]
    public void Validate_rejects_a_worker_history_out_of_range_naming_the_field(string field)
    {
        var worker = field switch
        {
            "worker.average_rating" => Worker with { AverageRating = 5.5 },
            "worker.completed_jobs" => Worker with { CompletedJobs = -1, ReviewedJobs = 0, PacedJobs = 0 },
            "worker.paced_jobs" => Worker with { PacedJobs = 13 },
            "worker.pace_log" => Worker with { PaceLog = double.NaN },
            "worker.years_experience" => Worker with { YearsExperience = -1 },
            "worker.profile_completion" => Worker with { ProfileCompletion = 101 },
            "worker.total_earnings" => Worker with { TotalEarnings = -1m },
            "worker.specializations_count" => Worker with { SpecializationsCount = 101 },
            _ => Worker with { AverageSatisfaction = -3 },
        };

        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { Worker = worker }), field);
    }

    [Fact]
    public void Validate_rejects_a_posted_time_outside_plausible_years()
    {
        AssertOnlyError(CompletionTimeRequestValidator.Validate(Valid with { PostedAt = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero) }), "posted_at");
    }
}
