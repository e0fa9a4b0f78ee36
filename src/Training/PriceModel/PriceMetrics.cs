using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>Error of one output in PHP: root mean square, mean absolute, and mean absolute percentage (in percent).</summary>
public sealed record OutputMetrics(
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("mape")] double Mape);

/// <summary>
/// Seed 001's test metrics: RMSE, MAE and standard MAPE (mean of |predicted - actual| / actual, times 100) per
/// output, and combined over all three outputs' values pooled (so combined RMSE is the root of the mean of all
/// squared errors, not a mean of the three RMSEs). Computed in PHP, never on log prices.
/// </summary>
public sealed record PriceMetrics(
    [property: JsonPropertyName("min_price")] OutputMetrics Min,
    [property: JsonPropertyName("suggested_price")] OutputMetrics Suggested,
    [property: JsonPropertyName("max_price")] OutputMetrics Max,
    [property: JsonPropertyName("combined")] OutputMetrics Combined,
    [property: JsonPropertyName("rows")] int Rows)
{
    /// <param name="predicted">Per row, [min, suggested, max] in PHP.</param>
    /// <param name="actual">Per row, [min, suggested, max] in PHP; every price positive (cleaning guarantees it).</param>
    public static PriceMetrics Compute(IReadOnlyList<IReadOnlyList<double>> predicted, IReadOnlyList<IReadOnlyList<double>> actual)
    {
        if (predicted.Count != actual.Count)
            throw new ArgumentException($"{predicted.Count} predictions for {actual.Count} actual rows.");
        if (actual.Count == 0)
            throw new ArgumentException("Metrics need at least one row.", nameof(actual));
        var perOutput = new OutputMetrics[3];
        double squares = 0, absolutes = 0, percents = 0;
        for (var k = 0; k < 3; k++)
        {
            double sq = 0, abs = 0, pct = 0;
            for (var i = 0; i < actual.Count; i++)
            {
                if (predicted[i].Count != 3 || actual[i].Count != 3)
                    throw new ArgumentException($"Row {i} does not hold three prices.");
                var a = actual[i][k];
                if (!(a > 0))
                    throw new ArgumentException($"Row {i}'s actual price {a} is not positive: MAPE is undefined.");
                var e = predicted[i][k] - a;
                sq += e * e;
                abs += Math.Abs(e);
                pct += Math.Abs(e) / a;
            }
            perOutput[k] = new OutputMetrics(Math.Sqrt(sq / actual.Count), abs / actual.Count, 100 * pct / actual.Count);
            squares += sq;
            absolutes += abs;
            percents += pct;
        }
        var n = 3.0 * actual.Count;
        return new PriceMetrics(perOutput[0], perOutput[1], perOutput[2],
            new OutputMetrics(Math.Sqrt(squares / n), absolutes / n, 100 * percents / n), actual.Count);
    }

    public static PriceMetrics Compute(IReadOnlyList<IReadOnlyList<double>> predicted, IReadOnlyList<PriceTrainingRow> rows) =>
        Compute(predicted, rows.Select(r => r.Prices).ToList());
}
