using System.Text.Json;

namespace iAyos.Messaging.Load;

/// <summary>Percentiles over every recorded latency (nearest-rank), plus what the responses said.</summary>
public sealed class LatencyReport
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly List<LoadSample> _samples = [];

    public void Record(LoadSample sample)
    {
        lock (_samples)
            _samples.Add(sample);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string Summarize(TimeSpan elapsed)
    {
        var sorted = SortedLatencies();
        var lines = new List<string>
        {
            $"requests: {sorted.Count} in {elapsed.TotalSeconds:F1} s ({sorted.Count / elapsed.TotalSeconds:F1}/s)",
            $"latency ms: p50 {Percentile(sorted, 50):F2}  p90 {Percentile(sorted, 90):F2}  p99 {Percentile(sorted, 99):F2}  p99.9 {Percentile(sorted, 99.9):F2}  max {(sorted.Count > 0 ? sorted[^1] : double.NaN):F2}",
        };
        var lags = SortedLags();
        lines.Add($"send lag ms (the generator's own delay, inside the latency): p50 {Percentile(lags, 50):F2}  p99 {Percentile(lags, 99):F2}  max {(lags.Count > 0 ? lags[^1] : double.NaN):F2}");
        lines.AddRange(Outcomes().Select(o => $"  {o.Key}: {o.Value}"));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>
    /// The same figures for scripts, plus every request (<c>samples</c>: due ms, latency ms, status, source, send lag ms),
    /// with the wall-clock time the run started so a script can line requests up with what it did.
    /// </summary>
    public string ToJson(TimeSpan elapsed, DateTimeOffset startedAt)
    {
        var sorted = SortedLatencies();
        var lags = SortedLags();
        static double? At(List<double> values, double p) => values.Count == 0 ? null : Percentile(values, p);
        List<LoadSample> samples;
        lock (_samples)
            samples = [.. _samples.OrderBy(s => s.DueMs)];
        return JsonSerializer.Serialize(new
        {
            StartedAtUnixMs = startedAt.ToUnixTimeMilliseconds(),
            ElapsedSeconds = elapsed.TotalSeconds,
            Requests = sorted.Count,
            NonSuccess = samples.Count(s => s.Status is < 200 or > 299),
            LatencyMs = new
            {
                P50 = At(sorted, 50),
                P90 = At(sorted, 90),
                P99 = At(sorted, 99),
                P999 = At(sorted, 99.9),
                Max = At(sorted, 100),
            },
            SendLagMs = new
            {
                P50 = At(lags, 50),
                P99 = At(lags, 99),
            },
            Outcomes = Outcomes(),
            Samples = samples.Select(s => new object?[] { Math.Round(s.DueMs, 1), Math.Round(s.LatencyMs, 2), s.Status, s.Source ?? s.Error, Math.Round(s.SendLagMs, 2) }),
        }, Json);
    }

    private List<double> SortedLatencies() => Sorted(s => s.LatencyMs);

    private List<double> SortedLags() => Sorted(s => s.SendLagMs);

    private List<double> Sorted(Func<LoadSample, double> value)
    {
        lock (_samples)
            return [.. _samples.Select(value).Order()];
    }

    private Dictionary<string, int> Outcomes()
    {
        lock (_samples)
            return _samples.GroupBy(s => s.Outcome).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
    }
}
