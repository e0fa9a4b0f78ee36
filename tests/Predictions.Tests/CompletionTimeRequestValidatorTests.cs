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
}
