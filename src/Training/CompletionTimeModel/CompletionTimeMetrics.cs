using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>Error in hours (never in log hours) and the share of rows whose actual hours fell inside the stated 75% interval.</summary>
public sealed record CompletionTimeMetrics(
    [property: JsonPropertyName("mae_hours")] double MaeHours,
    [property: JsonPropertyName("rmse_hours")] double RmseHours,
    [property: JsonPropertyName("coverage")] double Coverage,
    [property: JsonPropertyName("rows")] int Rows)
{
    public static CompletionTimeMetrics Compute(IReadOnlyList<(double Hours, double Lower, double Upper)> predicted, IReadOnlyList<double> actual)
    {
        if (predicted.Count != actual.Count)
            throw new ArgumentException($"{predicted.Count} predictions for {actual.Count} actual rows.");
        if (actual.Count == 0)
            throw new ArgumentException("Metrics need at least one row.", nameof(actual));
        double abs = 0, sq = 0;
        var inside = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var e = predicted[i].Hours - actual[i];
            abs += Math.Abs(e);
            sq += e * e;
            if (actual[i] >= predicted[i].Lower && actual[i] <= predicted[i].Upper) inside++;
        }
        return new CompletionTimeMetrics(Math.Round(abs / actual.Count, 3), Math.Round(Math.Sqrt(sq / actual.Count), 3),
            Math.Round((double)inside / actual.Count, 4), actual.Count);
    }
}
