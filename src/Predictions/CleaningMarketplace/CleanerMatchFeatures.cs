namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// Seed 004's 18 continuous features of a (job, cleaner) pair, shared by training and serving so the two can
/// never disagree. Every value is scaled to about 0-1; a rating or rate with no evidence yet reads as
/// <see cref="NoEvidence"/>, the neutral middle the rule-based score also uses.
/// </summary>
/// <remarks>
/// The seed lists "avg rating" twice (as a quality metric and as experience): the first of its five quality
/// metrics here is the cleaner's rule-based overall score instead, so no column repeats another.
/// </remarks>
public static class CleanerMatchFeatures
{
    public const int Count = 18;
    public const double NoEvidence = 0.5;
    public const double CentreLatitude = 37.9838, CentreLongitude = 23.7275, SpreadDegrees = 0.15;

    public static readonly IReadOnlyList<string> Names =
    [
        "latitude", "longitude", "size_m2", "estimated_hours", "eco_preference", "bid_amount", "distance_km",
        "overall_score", "quality_rating", "communication_rating", "professionalism_rating", "timeliness_rating",
        "completion_rate", "on_time_rate", "log_jobs", "avg_rating", "hour_of_day", "day_of_week",
    ];

    /// <summary>The pair's row. <paramref name="bidAmount"/> is the cleaner's bid on the job; a cleaner who has not
    /// bid is read at what their hourly rate would charge for the estimated hours.</summary>
    public static float[] Row(JobFacts job, CleanerFacts cleaner, decimal? bidAmount)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(cleaner);
        var row = new float[Count];
        Write(job, cleaner, bidAmount, row);
        return row;
    }

    public static void Write(JobFacts job, CleanerFacts cleaner, decimal? bidAmount, Span<float> row)
    {
        if (row.Length != Count) throw new ArgumentException($"A row holds {Count} features, got {row.Length}.", nameof(row));
        var ratings = cleaner.Ratings ?? CleanerRatings.None;
        var hours = MatchParts.SafeHours(job.EstimatedHours);
        var bid = bidAmount ?? cleaner.HourlyRate * (decimal)hours;
        var posted = (job.PostedAt ?? DateTimeOffset.UnixEpoch).ToUniversalTime();

        row[0] = Finite((job.Latitude - CentreLatitude) / SpreadDegrees);
        row[1] = Finite((job.Longitude - CentreLongitude) / SpreadDegrees);
        row[2] = Finite(job.SizeM2 / 1000);
        row[3] = Finite(hours / 10);
        row[4] = job.EcoPreference ? 1 : 0;
        row[5] = Finite((double)bid / 1000);
        row[6] = Finite(MatchParts.Distance(job, cleaner) / 50);
        row[7] = Finite(cleaner.OverallScore / 100);
        row[8] = Rating(ratings.Quality);
        row[9] = Rating(ratings.Communication);
        row[10] = Rating(ratings.Professionalism);
        row[11] = Rating(ratings.Timeliness);
        row[12] = Rate(ratings.CompletionRate);
        row[13] = Rate(ratings.OnTimeRate);
        row[14] = Finite(Math.Log(1 + Math.Max(0, cleaner.TotalJobs)) / Math.Log(1 + CleanerScoreCalculator.ExperiencedJobs));
        row[15] = Rating(ratings.AvgOverall);
        row[16] = posted.Hour / 23f;
        row[17] = (int)posted.DayOfWeek / 6f;
    }

    private static float Rating(double? oneToTen) => oneToTen is { } r && double.IsFinite(r) ? (float)Math.Clamp(r / 10, 0, 1) : (float)NoEvidence;

    private static float Rate(double? zeroToOne) => zeroToOne is { } r && double.IsFinite(r) ? (float)Math.Clamp(r, 0, 1) : (float)NoEvidence;

    /// <summary>A value that is not finite (a corrupt coordinate) reads as 0, never as NaN in the graph.</summary>
    private static float Finite(double value) => double.IsFinite(value) ? (float)value : 0f;
}
