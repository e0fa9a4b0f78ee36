using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>
/// A predictor on test rows, in score points: MAE, RMSE, and its 75% interval (score +- half-width, the
/// split-conformal quantile of its absolute residuals on validation rows) with the share of test rows inside.
/// </summary>
public sealed record WorkerRatingMetrics(
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("interval_half_width")] double IntervalHalfWidth,
    [property: JsonPropertyName("coverage")] double Coverage,
    [property: JsonPropertyName("rows")] int Rows)
{
    public const double IntervalLevel = 0.75;

    public static WorkerRatingMetrics Compute(IReadOnlyList<double> testPredicted, IReadOnlyList<double> testActual,
        IReadOnlyList<double> validationPredicted, IReadOnlyList<double> validationActual)
    {
        var halfWidth = ConformalHalfWidth(validationPredicted, validationActual, IntervalLevel);
        var errors = testPredicted.Select((p, i) => p - testActual[i]).ToList();
        return new WorkerRatingMetrics(
            Math.Round(errors.Average(Math.Abs), 3),
            Math.Round(Math.Sqrt(errors.Average(e => e * e)), 3),
            Math.Round(halfWidth, 3),
            Math.Round(errors.Count(e => Math.Abs(e) <= halfWidth) / (double)errors.Count, 3),
            errors.Count);
    }

    /// <summary>Split conformal: the ceil((n + 1) x level)-th smallest absolute residual (the largest when that exceeds n).</summary>
    public static double ConformalHalfWidth(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, double level)
    {
        if (predicted.Count == 0) throw new ArgumentException("No validation rows to calibrate on.", nameof(predicted));
        var residuals = predicted.Select((p, i) => Math.Abs(p - actual[i])).Order().ToList();
        var k = (int)Math.Ceiling((residuals.Count + 1) * level);
        return residuals[Math.Min(k, residuals.Count) - 1];
    }
}
