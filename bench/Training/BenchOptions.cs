namespace iAyos.Messaging.Training.Bench;

/// <summary>What the plain bench commands share: integer options and the median of timings.</summary>
public static class BenchOptions
{
    public static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0
            ? value
            : i >= 0 ? throw new ArgumentException($"{name} needs a positive integer.") : fallback;
    }

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
