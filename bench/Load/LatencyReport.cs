namespace iAyos.Messaging.Load;

/// <summary>Percentiles over every recorded latency (nearest-rank), plus what the responses said.</summary>
public sealed class LatencyReport
{
    private readonly List<double> _millis = [];
    private readonly Dictionary<string, int> _outcomes = [];

    public void Record(double millis, string outcome)
    {
        lock (_millis)
        {
            _millis.Add(millis);
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
        }
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public string Summarize(TimeSpan elapsed)
    {
        var sorted = _millis.Order().ToList();
        var lines = new List<string>
        {
            $"requests: {sorted.Count} in {elapsed.TotalSeconds:F1} s ({sorted.Count / elapsed.TotalSeconds:F1}/s)",
            $"latency ms: p50 {Percentile(sorted, 50):F2}  p90 {Percentile(sorted, 90):F2}  p99 {Percentile(sorted, 99):F2}  p99.9 {Percentile(sorted, 99.9):F2}  max {(sorted.Count > 0 ? sorted[^1] : double.NaN):F2}",
        };
        lines.AddRange(_outcomes.OrderByDescending(o => o.Value).Select(o => $"  {o.Key}: {o.Value}"));
        return string.Join(Environment.NewLine, lines);
    }
}
