namespace iAyos.Messaging.Gateway.Recommendations;

/// <summary>
/// A proportion with its Wilson score interval. Wilson rather than the normal approximation: it stays inside
/// [0, 1] and keeps its coverage for the small counts and rates near 0 an experiment's hires start with.
/// </summary>
public sealed record ExperimentRate(double Rate, double Low, double High)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>successes of trials; null when there were no trials (no rate to give).</summary>
    public static ExperimentRate? Wilson(long successes, long trials, double z = Z95)
    {
        if (trials <= 0)
            return null;
        double n = trials, p = successes / n, z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new(p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
