using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Training.Tests.PriceModel;

public class PriceMedianBaselineTests
{
    private static PriceTrainingRow Row(string category, string? scope, double suggested, int index = 0) =>
        PriceTrainingRow.FromPrices(new PredictPrice { Title = "job", Category = category, JobScope = scope },
            suggested * 0.8, suggested, suggested * 1.2, index, "t");

    private static readonly IReadOnlyList<PriceTrainingRow> Training =
    [
        // Plumbing x minor: 3 rows (a full group); median suggested 1000.
        Row("Plumbing", JobScope.MinorRepair, 900), Row("Plumbing", JobScope.MinorRepair, 1000), Row("Plumbing", JobScope.MinorRepair, 5000),
        // Painting x minor: 2 rows, too few for its own group.
        Row("Painting", JobScope.MinorRepair, 2000), Row("Painting", JobScope.MinorRepair, 2200),
        // Masonry x major: 4 rows; median suggested (40000 + 50000) / 2.
        Row("Masonry", JobScope.MajorRenovation, 30000), Row("Masonry", JobScope.MajorRenovation, 40000),
        Row("Masonry", JobScope.MajorRenovation, 50000), Row("Masonry", JobScope.MajorRenovation, 90000),
        // No scope: counts only in the global median.
        Row("Plumbing", null, 100),
    ];

    private static readonly PriceMedianBaseline Baseline = PriceMedianBaseline.Fit(Training);

    [Fact]
    public void Predict_answers_from_the_scope_and_category_group_when_it_is_big_enough()
    {
        var p = Baseline.Predict(new PredictPrice { Title = "x", Category = "plumbing", JobScope = JobScope.MinorRepair });

        Assert.Equal([800.0, 1000.0, 1200.0], p);
    }

    [Fact]
    public void Predict_takes_the_mean_of_the_two_middle_rows_of_an_even_group()
    {
        var p = Baseline.Predict(new PredictPrice { Title = "x", Category = "Masonry", JobScope = JobScope.MajorRenovation });

        Assert.Equal(45000.0, p[1], 6);
        Assert.Equal(36000.0, p[0], 6);
        Assert.Equal(54000.0, p[2], 6);
    }

    [Fact]
    public void Predict_falls_back_to_the_scope_when_the_pair_group_is_too_small()
    {
        // Minor repairs: 900, 1000, 5000, 2000, 2200 -> median 2000.
        var p = Baseline.Predict(new PredictPrice { Title = "x", Category = "Painting", JobScope = JobScope.MinorRepair });

        Assert.Equal(2000.0, p[1], 6);
    }

    [Fact]
    public void Predict_falls_back_to_all_rows_without_a_known_scope()
    {
        // All ten suggested prices: 100 900 1000 2000 2200 5000 30000 40000 50000 90000 -> (2200 + 5000) / 2.
        Assert.Equal(3600.0, Baseline.Predict(new PredictPrice { Title = "x", Category = "Plumbing" })[1], 6);
        Assert.Equal(3600.0, Baseline.Predict(new PredictPrice { Title = "x", Category = "Plumbing", JobScope = JobScope.ModerateProject })[1], 6);
    }

    [Fact]
    public void Predict_derives_the_category_of_a_request_that_names_none()
    {
        var p = Baseline.Predict(new PredictPrice { Title = "Fix leaking faucet", Tags = ["plumbing"], JobScope = JobScope.MinorRepair });

        Assert.Equal(1000.0, p[1], 6);
    }

    [Fact]
    public void Predictions_are_ordered()
    {
        Assert.All(Training, r =>
        {
            var p = Baseline.Predict(r.Request);
            Assert.True(p[0] <= p[1] && p[1] <= p[2]);
        });
    }

    [Fact]
    public void Fit_refuses_no_rows()
    {
        Assert.Throws<ArgumentException>(() => PriceMedianBaseline.Fit([]));
    }

    [Fact]
    public void Median_of_odd_and_even_counts()
    {
        Assert.Equal(3.0, PriceMedianBaseline.Median([5, 1, 3]));
        Assert.Equal(2.5, PriceMedianBaseline.Median([4, 1, 3, 2]));
    }

    [Fact]
    public void On_the_fixed_split_scope_and_category_groups_halve_the_global_medians_validation_error()
    {
        var data = PriceDataset.FromCsv(SharedData.PhBlueCollarCsv, SharedData.PhBlueCollarSplit);
        var withoutScope = data.Train.Select(r => r with { Request = r.Request with { JobScope = null } }).ToList();

        var grouped = PriceMetrics.Compute(PriceMedianBaseline.Fit(data.Train).Predict(data.Validation), data.Validation);
        var global = PriceMetrics.Compute(PriceMedianBaseline.Fit(withoutScope).Predict(data.Validation), data.Validation);

        // Measured: suggested MAE 3127 vs 6537 PHP, MAPE 44% vs 128%.
        Assert.True(grouped.Suggested.Mae < global.Suggested.Mae / 2, $"grouped {grouped.Suggested.Mae:F0} vs global {global.Suggested.Mae:F0}");
        Assert.True(grouped.Suggested.Mape < global.Suggested.Mape / 2, $"grouped {grouped.Suggested.Mape:F1}% vs global {global.Suggested.Mape:F1}%");
    }

    [Fact]
    public void As_a_served_prior_it_answers_the_same_groups_in_log_prices()
    {
        var spec = new PriceFeatureSpec { Configuration = PriceFeatureConfigurations.Served, Prior = Baseline.ToPrior() };

        foreach (var request in new[]
        {
            new PredictPrice { Title = "x", Category = "Plumbing", JobScope = JobScope.MinorRepair },
            new PredictPrice { Title = "x", Category = "Painting", JobScope = JobScope.MinorRepair },
            new PredictPrice { Title = "x", Category = "Masonry", JobScope = JobScope.MajorRenovation },
            new PredictPrice { Title = "x", Category = "Masonry" },
        })
        {
            var expected = Baseline.Predict(request).Select(p => Math.Log(1 + p));
            Assert.Equal(expected, PricePrior.Lookup(spec, request), new ToleranceComparer(1e-9));
        }
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
