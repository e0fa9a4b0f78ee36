using System.Text.Json.Serialization;

namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>
/// Top-3 hire accuracy (issue 12): per job, was the hired cleaner among the three best-scored bidders? Ties are
/// broken by bid amount (cheaper first), then cleaner id, so a mode's figure never depends on input order.
/// <see cref="AccuracyOver3"/> is the same over jobs with more than three bidders, where the measure can miss.
/// </summary>
public sealed record HireAccuracy(
    [property: JsonPropertyName("jobs")] int Jobs,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("jobs_over_3")] int JobsOver3,
    [property: JsonPropertyName("accuracy_over_3")] double AccuracyOver3)
{
    public const int TopK = 3;

    /// <param name="score">A bidder's score on the job: higher is more likely hired.</param>
    public static HireAccuracy Measure(IReadOnlyList<HireCase> cases, Func<HireCase, HireBidder, double> score)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(score);
        return Tally(cases, c => IsHit(c, score) ? 1 : 0);
    }

    /// <summary>The random baseline exactly: a job with n bidders is a hit with probability min(3, n) / n.</summary>
    public static HireAccuracy Random(IReadOnlyList<HireCase> cases) =>
        Tally(cases, c => (double)Math.Min(TopK, c.Bidders.Count) / c.Bidders.Count);

    /// <summary>Whether the hired cleaner is among the top three of the job's bidders by <paramref name="score"/>.</summary>
    public static bool IsHit(HireCase job, Func<HireCase, HireBidder, double> score)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Bidders
            .Select(b => (Bidder: b, Score: score(job, b)))
            .OrderByDescending(x => double.IsNaN(x.Score) ? double.NegativeInfinity : x.Score)
            .ThenBy(x => x.Bidder.Amount)
            .ThenBy(x => x.Bidder.Cleaner.CleanerId)
            .Take(TopK)
            .Any(x => x.Bidder.Cleaner.CleanerId == job.HiredCleanerId);
    }

    private static HireAccuracy Tally(IReadOnlyList<HireCase> cases, Func<HireCase, double> hit)
    {
        var usable = cases.Where(c => c.Bidders.Count > 0).ToList();
        var over = usable.Where(c => c.Bidders.Count > TopK).ToList();
        return new HireAccuracy(usable.Count, usable.Count == 0 ? 0 : usable.Sum(hit) / usable.Count,
            over.Count, over.Count == 0 ? 0 : over.Sum(hit) / over.Count);
    }
}
