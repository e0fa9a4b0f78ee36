using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>MSE, MAE and R² of predictions against targets (R² against the targets' own mean).</summary>
public sealed record RegressionMetrics(
    [property: JsonPropertyName("mse")] double Mse,
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("r2")] double R2)
{
    public static RegressionMetrics Compute(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.Count != actual.Count || actual.Count == 0)
            throw new ArgumentException($"Need as many predictions as targets, and some: {predicted.Count} vs {actual.Count}.");
        var mean = actual.Average();
        double se = 0, ae = 0, tot = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var e = predicted[i] - actual[i];
            se += e * e;
            ae += Math.Abs(e);
            tot += (actual[i] - mean) * (actual[i] - mean);
        }
        var n = actual.Count;
        return new RegressionMetrics(se / n, ae / n, tot == 0 ? 0 : 1 - se / tot);
    }
}
