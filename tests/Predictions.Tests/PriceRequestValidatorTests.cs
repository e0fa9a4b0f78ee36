using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.Tests;

public class PriceRequestValidatorTests
{
    private static readonly PredictPrice Valid = new()
    {
        Title = "Fix leaking kitchen sink",
        Description = "Water drips under the sink.",
        Category = "Plumbing",
        Tags = ["plumbing", "sink"],
    };

    private static void AssertOnlyError(Validated<PredictPrice> result, string field)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal([field], result.Errors.Keys.ToArray());
        Assert.NotEmpty(result.Errors[field]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Validate_without_a_title_reports_title(string? title)
    {
        AssertOnlyError(PriceRequestValidator.Validate(Valid with { Title = title! }), "title");
    }

    [Fact]
    public void Validate_with_a_title_over_200_characters_reports_title()
    {
        AssertOnlyError(PriceRequestValidator.Validate(Valid with { Title = new string('x', 201) }), "title");
    }

    [Fact]
    public void Validate_with_a_title_of_exactly_200_characters_passes()
    {
        Assert.True(PriceRequestValidator.Validate(Valid with { Title = new string('x', 200) }).IsValid);
    }

    [Fact]
    public void Validate_trims_the_title()
    {
        var value = PriceRequestValidator.Validate(Valid with { Title = "  Fix sink  " }).OrThrow();

        Assert.Equal("Fix sink", value.Title);
    }

    [Fact]
    public void Validate_with_a_description_over_10000_characters_reports_description()
    {
        AssertOnlyError(PriceRequestValidator.Validate(Valid with { Description = new string('d', 10_001) }), "description");
    }

    [Fact]
    public void Validate_with_a_description_of_exactly_10000_characters_passes()
    {
        Assert.True(PriceRequestValidator.Validate(Valid with { Description = new string('d', 10_000) }).IsValid);
    }

    [Fact]
    public void Validate_with_a_category_name_over_100_characters_reports_category()
    {
        AssertOnlyError(PriceRequestValidator.Validate(Valid with { Category = new string('c', 101) }), "category");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Validate_with_a_non_positive_category_id_reports_category_id(int id)
    {
        AssertOnlyError(PriceRequestValidator.Validate(Valid with { CategoryId = id }), "category_id");
    }

    [Fact]
    public void Validate_with_an_unknown_urgency_reports_urgency()
    {
        var result = PriceRequestValidator.Validate(Valid with { Urgency = "ASAP" });

        AssertOnlyError(result, "urgency");
        Assert.Contains("ASAP", result.Errors["urgency"][0]);
    }

    [Theory]
    [InlineData("high", "HIGH")]
    [InlineData("High", "HIGH")]
    [InlineData(" low ", "LOW")]
    [InlineData("MEDIUM", "MEDIUM")]
    public void Validate_accepts_urgency_in_any_case_and_normalises_it(string urgency, string expected)
    {
        var value = PriceRequestValidator.Validate(Valid with { Urgency = urgency }).OrThrow();

        Assert.Equal(expected, value.Urgency);
    }

    [Fact]
    public void Validate_with_an_unknown_skill_level_reports_skill_level()
    {
        AssertOnlyError(PriceRequestValidator.Validate(Valid with { SkillLevel = "GURU" }), "skill_level");
    }

    [Fact]
    public void Validate_normalises_the_skill_level()
    {
        Assert.Equal("EXPERT", PriceRequestValidator.Validate(Valid with { SkillLevel = "expert" }).OrThrow().SkillLevel);
    }

    [Fact]
    public void Validate_with_51_tags_reports_tags()
    {
        var tags = Enumerable.Range(1, 51).Select(i => $"tag{i}").ToArray();

        AssertOnlyError(PriceRequestValidator.Validate(Valid with { Tags = tags }), "tags");
    }

    [Fact]
    public void Validate_with_50_tags_passes()
    {
        var tags = Enumerable.Range(1, 50).Select(i => $"tag{i}").ToArray();

        Assert.Equal(50, PriceRequestValidator.Validate(Valid with { Tags = tags }).OrThrow().Tags.Count);
    }

    [Fact]
    public void Validate_with_an_over_long_tag_reports_that_tag_by_index()
    {
        AssertOnlyError(PriceRequestValidator.Validate(Valid with { Tags = ["ok", new string('t', 51)] }), "tags[1]");
    }

    [Fact]
    public void Validate_with_51_materials_reports_materials()
    {
        var materials = Enumerable.Range(1, 51).Select(i => $"m{i}").ToArray();

        AssertOnlyError(PriceRequestValidator.Validate(Valid with { Materials = materials }), "materials");
    }

    [Fact]
    public void Validate_trims_tags_and_drops_blank_ones()
    {
        var value = PriceRequestValidator.Validate(Valid with { Tags = [" pipes ", "", "   ", "sink"] }).OrThrow();

        Assert.Equal(["pipes", "sink"], value.Tags);
    }

    [Fact]
    public void Validate_reports_every_bad_field_at_once()
    {
        var result = PriceRequestValidator.Validate(new PredictPrice { Title = "", Urgency = "ASAP", SkillLevel = "GURU", CategoryId = 0 });

        Assert.Equal(["category_id", "skill_level", "title", "urgency"], result.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void OrThrow_of_an_invalid_request_throws_naming_the_field()
    {
        var result = PriceRequestValidator.Validate(Valid with { Urgency = "ASAP" });

        var ex = Assert.Throws<InvalidRequestException>(() => result.OrThrow());
        Assert.Contains("urgency", ex.Message);
        Assert.Contains("ASAP", ex.Message);
        Assert.True(ex.Errors.ContainsKey("urgency"));
    }

    [Fact]
    public void Validate_of_a_minimal_request_fills_the_defaults()
    {
        var result = PriceRequestValidator.Validate(new PredictPrice
        {
            Title = "Paint fence",
            Description = null!,
            Category = "   ",
            Urgency = null!,
            SkillLevel = "",
            Tags = null!,
            Materials = null!,
        });

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var value = result.OrThrow();
        Assert.Equal("Paint fence", value.Title);
        Assert.Equal("", value.Description);
        Assert.Null(value.Category);
        Assert.Equal("MEDIUM", value.Urgency);
        Assert.Equal("INTERMEDIATE", value.SkillLevel);
        Assert.NotNull(value.Tags);
        Assert.Empty(value.Tags);
        Assert.NotNull(value.Materials);
        Assert.Empty(value.Materials);
    }

    [Fact]
    public void Validate_trims_the_category_name()
    {
        Assert.Equal("Plumbing", PriceRequestValidator.Validate(Valid with { Category = "  Plumbing " }).OrThrow().Category);
    }

    [Fact]
    public void Validate_canonicalises_job_scope_and_work_environment()
    {
        var value = PriceRequestValidator.Validate(Valid with { JobScope = " major_renovation ", WorkEnvironment = "outdoor" }).OrThrow();

        Assert.Equal("MAJOR_RENOVATION", value.JobScope);
        Assert.Equal("OUTDOOR", value.WorkEnvironment);
    }

    [Fact]
    public void Validate_leaves_a_missing_job_scope_and_work_environment_null()
    {
        var value = PriceRequestValidator.Validate(Valid with { JobScope = " ", WorkEnvironment = null }).OrThrow();

        Assert.Null(value.JobScope);
        Assert.Null(value.WorkEnvironment);
    }

    [Fact]
    public void Validate_with_an_unknown_job_scope_reports_job_scope()
    {
        AssertOnlyError(PriceRequestValidator.Validate(Valid with { JobScope = "HUGE" }), "job_scope");
    }

    [Fact]
    public void Validate_with_an_unknown_work_environment_reports_work_environment()
    {
        AssertOnlyError(PriceRequestValidator.Validate(Valid with { WorkEnvironment = "SPACE" }), "work_environment");
    }
}
