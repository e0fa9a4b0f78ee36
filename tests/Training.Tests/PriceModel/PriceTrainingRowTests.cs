using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Training.Tests.PriceModel;

public class PriceTrainingRowTests
{
    private static readonly FreelancerJob Job = new()
    {
        RowIndex = 12, ProjectId = "273", Title = "Repair refrigerator", Description = "Not cooling.",
        Tags = ["electronics", "repair"], Currency = "PHP", MinPricePhp = 4982, AvgPricePhp = 6305, MaxPricePhp = 7628,
        JobScope = "MODERATE_PROJECT", SkillLevel = "EXPERT", WorkEnvironment = "INDOOR",
    };

    [Fact]
    public void FromFreelancer_makes_the_request_serving_would_see_and_log1p_targets()
    {
        var row = PriceTrainingRow.FromFreelancer(Job, "ph.csv");

        Assert.Equal("Repair refrigerator", row.Request.Title);
        Assert.Equal("Not cooling.", row.Request.Description);
        Assert.Equal(["electronics", "repair"], row.Request.Tags);
        Assert.Equal("EXPERT", row.Request.SkillLevel);
        Assert.Equal("MODERATE_PROJECT", row.Request.JobScope);
        Assert.Equal("INDOOR", row.Request.WorkEnvironment);
        Assert.Equal(Urgency.Medium, row.Request.Urgency);
        Assert.Equal("Appliance Repair", row.Request.Category); // derived: no category column
        Assert.Equal([4982.0, 6305.0, 7628.0], row.Prices);
        Assert.Equal((float)Math.Log(4983), row.LogTargets[0], 5);
        Assert.Equal((float)Math.Log(6306), row.LogTargets[1], 5);
        Assert.Equal((float)Math.Log(7629), row.LogTargets[2], 5);
        Assert.Equal((12, "ph.csv", "273"), (row.RowIndex, row.Source, row.SourceId));
    }

    [Fact]
    public void FromPrices_orders_the_targets()
    {
        var row = PriceTrainingRow.FromPrices(new PredictPrice { Title = "x", Category = "Plumbing" }, 300, 100, 200, 0, "t");

        Assert.Equal([100.0, 200.0, 300.0], row.Prices);
        Assert.True(row.LogTargets[0] < row.LogTargets[1] && row.LogTargets[1] < row.LogTargets[2]);
        Assert.Equal("Plumbing", row.Request.Category); // a named category is kept
    }

    [Fact]
    public void FromBudget_uses_the_seeds_80_and_120_percent_range()
    {
        var row = PriceTrainingRow.FromBudget(new PredictPrice { Title = "x" }, 1000, 0, "postgres");

        Assert.Equal(800.0, row.Prices[0], 9);
        Assert.Equal(1000.0, row.Prices[1], 9);
        Assert.Equal(1200.0, row.Prices[2], 9);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void FromPrices_refuses_a_price_that_is_not_finite_and_non_negative(double bad)
    {
        Assert.Throws<ArgumentException>(() => PriceTrainingRow.FromPrices(new PredictPrice { Title = "x" }, bad, 1, 2, 0, "t"));
    }
}
