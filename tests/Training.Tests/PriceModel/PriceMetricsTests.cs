using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Training.Tests.PriceModel;

public class PriceMetricsTests
{
    [Fact]
    public void Compute_matches_metrics_worked_by_hand()
    {
        double[][] actual = [[100, 200, 400], [50, 100, 200]];
        double[][] predicted = [[110, 180, 400], [50, 130, 160]];

        var m = PriceMetrics.Compute(predicted, actual);

        // min errors: +10, 0 -> RMSE sqrt(100/2), MAE 5, MAPE (10% + 0%) / 2
        Assert.Equal(Math.Sqrt(50), m.Min.Rmse, 9);
        Assert.Equal(5.0, m.Min.Mae, 9);
        Assert.Equal(5.0, m.Min.Mape, 9);
        // suggested errors: -20, +30 -> RMSE sqrt((400 + 900) / 2), MAE 25, MAPE (10% + 30%) / 2
        Assert.Equal(Math.Sqrt(650), m.Suggested.Rmse, 9);
        Assert.Equal(25.0, m.Suggested.Mae, 9);
        Assert.Equal(20.0, m.Suggested.Mape, 9);
        // max errors: 0, -40 -> RMSE sqrt(1600 / 2), MAE 20, MAPE (0% + 20%) / 2
        Assert.Equal(Math.Sqrt(800), m.Max.Rmse, 9);
        Assert.Equal(20.0, m.Max.Mae, 9);
        Assert.Equal(10.0, m.Max.Mape, 9);
        // combined pools the six values: squares 100 + 400 + 900 + 1600, absolutes 100, percents 70
        Assert.Equal(Math.Sqrt(3000 / 6.0), m.Combined.Rmse, 9);
        Assert.Equal(100 / 6.0, m.Combined.Mae, 9);
        Assert.Equal(70 / 6.0, m.Combined.Mape, 9);
        Assert.Equal(2, m.Rows);
    }

    [Fact]
    public void Compute_of_perfect_predictions_is_zero()
    {
        double[][] prices = [[1, 2, 3]];

        var m = PriceMetrics.Compute(prices, prices);

        Assert.Equal(new OutputMetrics(0, 0, 0), m.Combined);
    }

    [Fact]
    public void Compute_refuses_mismatched_counts_missing_outputs_and_non_positive_actuals()
    {
        Assert.Throws<ArgumentException>(() => PriceMetrics.Compute([[1.0, 2, 3]], [[1.0, 2, 3], [1.0, 2, 3]]));
        Assert.Throws<ArgumentException>(() => PriceMetrics.Compute([[1.0, 2]], [[1.0, 2, 3]]));
        Assert.Throws<ArgumentException>(() => PriceMetrics.Compute([[1.0, 2, 3]], [[0.0, 2, 3]]));
        Assert.Throws<ArgumentException>(() => PriceMetrics.Compute(Array.Empty<double[]>(), Array.Empty<double[]>()));
    }
}
