using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Predictions.Tests;

public class PriceFallbackEstimatorTests
{
    private const string Source = "fallback";

    private static readonly CategoryStats Plumbing = new(7, "Plumbing", 800m, 1800m, 4500m, 3.0, 0.5, 0);
    private static readonly CategoryStats Electrical = new(9, "Electrical", 1200m, 2500m, 6000m, 4.0, 0.5, 0);

    private static CategoryCatalog Catalog(params CategoryStats[] categories) => new(categories);

    private static PredictPrice Request(int? categoryId = 7, string? category = null,
        string urgency = Urgency.Medium, string skill = SkillLevel.Intermediate) => new()
    {
        Title = "Fix leaking pipe",
        CategoryId = categoryId,
        Category = category,
        Urgency = urgency,
        SkillLevel = skill,
    };

    [Fact]
    public void Estimate_medium_urgency_intermediate_skill_returns_the_category_prices_unchanged()
    {
        var result = PriceFallbackEstimator.Estimate(Request(), Catalog(Plumbing), Source);

        Assert.Equal(800.00m, result.MinPrice);
        Assert.Equal(1800.00m, result.SuggestedPrice);
        Assert.Equal(4500.00m, result.MaxPrice);
        Assert.Equal("Plumbing", result.Category);
    }

    [Fact]
    public void Estimate_high_urgency_expert_skill_multiplies_by_1_25_times_1_35()
    {
        var result = PriceFallbackEstimator.Estimate(Request(urgency: Urgency.High, skill: SkillLevel.Expert), Catalog(Plumbing), Source);

        // 1.25 * 1.35 = 1.6875: 800 -> 1350, 1800 -> 3037.50, 4500 -> 7593.75
        Assert.Equal(1350.00m, result.MinPrice);
        Assert.Equal(3037.50m, result.SuggestedPrice);
        Assert.Equal(7593.75m, result.MaxPrice);
    }

    [Fact]
    public void Estimate_low_urgency_entry_skill_multiplies_by_0_9_times_0_8()
    {
        var result = PriceFallbackEstimator.Estimate(Request(urgency: Urgency.Low, skill: SkillLevel.Entry), Catalog(Plumbing), Source);

        // 0.9 * 0.8 = 0.72: 800 -> 576, 1800 -> 1296, 4500 -> 3240
        Assert.Equal(576.00m, result.MinPrice);
        Assert.Equal(1296.00m, result.SuggestedPrice);
        Assert.Equal(3240.00m, result.MaxPrice);
    }

    [Fact]
    public void Estimate_high_urgency_alone_adds_a_quarter()
    {
        var result = PriceFallbackEstimator.Estimate(Request(urgency: Urgency.High), Catalog(Plumbing), Source);

        Assert.Equal(1000.00m, result.MinPrice);
        Assert.Equal(2250.00m, result.SuggestedPrice);
        Assert.Equal(5625.00m, result.MaxPrice);
    }

    public static TheoryData<string, string> AllUrgencySkillPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var u in Urgency.All)
            foreach (var s in SkillLevel.All)
                data.Add(u, s);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllUrgencySkillPairs))]
    public void Estimate_keeps_min_below_suggested_below_max_for_every_urgency_and_skill(string urgency, string skill)
    {
        var result = PriceFallbackEstimator.Estimate(Request(urgency: urgency, skill: skill), Catalog(Plumbing), Source);

        Assert.True(result.MinPrice <= result.SuggestedPrice, $"min {result.MinPrice} > suggested {result.SuggestedPrice}");
        Assert.True(result.SuggestedPrice <= result.MaxPrice, $"suggested {result.SuggestedPrice} > max {result.MaxPrice}");
        Assert.True(result.MinPrice > 0);
    }

    [Theory]
    [MemberData(nameof(AllUrgencySkillPairs))]
    public void Estimate_sorts_a_mis_ordered_category_row_for_every_urgency_and_skill(string urgency, string skill)
    {
        var broken = new CategoryStats(3, "Broken", MinPrice: 5000m, AvgPrice: 1000m, MaxPrice: 3000m, 2.0, 0.5, 0);

        var result = PriceFallbackEstimator.Estimate(Request(categoryId: 3, urgency: urgency, skill: skill), Catalog(broken), Source);

        Assert.True(result.MinPrice <= result.SuggestedPrice, $"min {result.MinPrice} > suggested {result.SuggestedPrice}");
        Assert.True(result.SuggestedPrice <= result.MaxPrice, $"suggested {result.SuggestedPrice} > max {result.MaxPrice}");
    }

    [Fact]
    public void Estimate_of_a_mis_ordered_row_returns_its_three_prices_in_ascending_order()
    {
        var broken = new CategoryStats(3, "Broken", MinPrice: 5000m, AvgPrice: 1000m, MaxPrice: 3000m, 2.0, 0.5, 0);

        var result = PriceFallbackEstimator.Estimate(Request(categoryId: 3), Catalog(broken), Source);

        Assert.Equal(1000.00m, result.MinPrice);
        Assert.Equal(3000.00m, result.SuggestedPrice);
        Assert.Equal(5000.00m, result.MaxPrice);
    }

    [Fact]
    public void Estimate_resolves_the_category_by_id()
    {
        var result = PriceFallbackEstimator.Estimate(Request(categoryId: 9), Catalog(Plumbing, Electrical), Source);

        Assert.Equal("Electrical", result.Category);
        Assert.Equal(2500.00m, result.SuggestedPrice);
    }

    [Theory]
    [InlineData("Electrical")]
    [InlineData("electrical")]
    [InlineData("ELECTRICAL")]
    [InlineData("  eLeCtRiCaL ")]
    public void Estimate_resolves_the_category_by_name_case_insensitively(string name)
    {
        var result = PriceFallbackEstimator.Estimate(Request(categoryId: null, category: name), Catalog(Plumbing, Electrical), Source);

        Assert.Equal("Electrical", result.Category);
        Assert.Equal(1200.00m, result.MinPrice);
        Assert.Equal(2500.00m, result.SuggestedPrice);
        Assert.Equal(6000.00m, result.MaxPrice);
    }

    [Fact]
    public void Estimate_prefers_the_id_when_id_and_name_name_different_categories()
    {
        var result = PriceFallbackEstimator.Estimate(Request(categoryId: 7, category: "Electrical"), Catalog(Plumbing, Electrical), Source);

        Assert.Equal("Plumbing", result.Category);
        Assert.Equal(1800.00m, result.SuggestedPrice);
    }

    [Fact]
    public void Estimate_falls_back_to_the_name_when_the_id_is_unknown()
    {
        var result = PriceFallbackEstimator.Estimate(Request(categoryId: 999, category: "electrical"), Catalog(Plumbing, Electrical), Source);

        Assert.Equal("Electrical", result.Category);
    }

    [Fact]
    public void Estimate_of_an_unknown_category_answers_with_the_general_range_and_halved_confidence()
    {
        var result = PriceFallbackEstimator.Estimate(Request(categoryId: 999, category: "Underwater welding"), Catalog(Plumbing), Source);

        Assert.Equal("General", result.Category);
        Assert.Equal(CategoryCatalog.General.MinPrice, result.MinPrice);
        Assert.Equal(CategoryCatalog.General.AvgPrice, result.SuggestedPrice);
        Assert.Equal(CategoryCatalog.General.MaxPrice, result.MaxPrice);
        Assert.Equal(0.15, result.Confidence, 10); // 0.3 / 2
    }

    [Fact]
    public void Estimate_with_an_empty_catalog_answers_with_the_general_range()
    {
        var result = PriceFallbackEstimator.Estimate(Request(urgency: Urgency.High), CategoryCatalog.Empty, Source);

        Assert.Equal("General", result.Category);
        Assert.Equal(625.00m, result.MinPrice);      // 500 * 1.25
        Assert.Equal(1875.00m, result.SuggestedPrice); // 1500 * 1.25
        Assert.Equal(5000.00m, result.MaxPrice);      // 4000 * 1.25
    }

    [Fact]
    public void Estimate_confidence_is_0_3_for_a_category_with_no_completed_jobs()
    {
        var result = PriceFallbackEstimator.Estimate(Request(), Catalog(Plumbing), Source);

        Assert.Equal(0.3, result.Confidence, 10);
    }

    [Fact]
    public void Estimate_confidence_is_0_5_for_a_category_with_10_completed_jobs()
    {
        var observed = Plumbing with { CompletedJobs = 10 };

        var result = PriceFallbackEstimator.Estimate(Request(), Catalog(observed), Source);

        Assert.Equal(0.5, result.Confidence, 10); // 0.3 + 0.4 * 10 / 20
    }

    [Theory]
    [InlineData(0, true, 0.3)]
    [InlineData(10, true, 0.5)]
    [InlineData(30, true, 0.6)]    // 0.3 + 0.4 * 30/40
    [InlineData(90, true, 0.66)]   // 0.3 + 0.4 * 90/100
    [InlineData(10, false, 0.25)]  // 0.5 / 2
    [InlineData(0, false, 0.15)]
    public void Confidence_follows_the_share_of_observed_jobs(int completedJobs, bool categoryKnown, double expected)
    {
        Assert.Equal(expected, PriceFallbackEstimator.Confidence(completedJobs, categoryKnown), 10);
    }

    [Fact]
    public void Confidence_never_exceeds_0_7_however_many_jobs()
    {
        var confidence = PriceFallbackEstimator.Confidence(1_000_000, categoryKnown: true);

        Assert.InRange(confidence, 0.69, 0.7);
    }

    [Fact]
    public void Estimate_reports_currency_php()
    {
        var result = PriceFallbackEstimator.Estimate(Request(), Catalog(Plumbing), Source);

        Assert.Equal("PHP", result.Currency);
    }

    [Theory]
    [InlineData("fallback")]
    [InlineData("gateway_fallback")]
    public void Estimate_passes_the_source_through(string source)
    {
        var result = PriceFallbackEstimator.Estimate(Request(), Catalog(Plumbing), source);

        Assert.Equal(source, result.Source);
        Assert.Null(result.ModelVersion);
    }

    [Fact]
    public void Estimate_rounds_prices_to_two_decimals()
    {
        var odd = new CategoryStats(5, "Odd", 333.33m, 777.77m, 999.99m, 1.0, 0.5, 0);

        var result = PriceFallbackEstimator.Estimate(Request(categoryId: 5, urgency: Urgency.High, skill: SkillLevel.Expert), Catalog(odd), Source);

        // 333.33 * 1.6875 = 562.494375; 777.77 * 1.6875 = 1312.486875; 999.99 * 1.6875 = 1687.483125
        Assert.Equal(562.49m, result.MinPrice);
        Assert.Equal(1312.49m, result.SuggestedPrice);
        Assert.Equal(1687.48m, result.MaxPrice);
    }
}
