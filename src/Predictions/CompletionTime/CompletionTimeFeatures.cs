using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;

namespace iAyos.Messaging.Predictions.CompletionTime;

/// <summary>
/// Seed 001 Model 1's 43 features: budget, urgency, materials, job type, category one-hot 30, day, hour and month
/// the job was posted, and 6 from the worker's history as of the job's start (zero when no worker is known, as the
/// seed does). The served configuration appends <see cref="ServedExtra"/> more. Training and serving both call
/// <see cref="Extract"/>, so they cannot disagree.
/// </summary>
public static class CompletionTimeFeatures
{
    public const int Count = 43;

    /// <summary>Served only: category prior, log budget vs the category's usual, shrunk worker pace, paced-job evidence.</summary>
    public const int ServedExtra = 4;

    /// <param name="at">When the job was posted (the request's <c>posted_at</c>, else the time it is answered).</param>
    public static float[] Extract(PredictCompletionTime r, string? categoryName, CompletionTimeFeatureSpec spec, DateTimeOffset at)
    {
        var f = new float[spec.FeatureCount];
        f[0] = (float)Math.Min((double)(r.Budget ?? 0) / 100_000, 1);
        f[1] = Math.Max(0, Urgency.All.ToList().IndexOf(r.Urgency));
        f[2] = Math.Min(r.Materials?.Count ?? 0, 10);
        f[3] = r.JobType == JobType.Invite ? 1 : 0;
        var category = spec.Categories.ToList().FindIndex(c => string.Equals(c, categoryName, StringComparison.OrdinalIgnoreCase));
        if (category >= 0)
            f[4 + category] = 1;
        f[34] = (int)at.DayOfWeek / 6f;
        f[35] = at.Hour / 23f;
        f[36] = (at.Month - 1) / 11f;
        if (r.Worker is { } w)
        {
            f[37] = w.CompletedJobs / 100f;
            f[38] = (float)((w.AverageRating ?? 0) / 5);
            f[39] = (float)((double)w.TotalEarnings / 100_000);
            f[40] = w.SpecializationsCount / 10f;
            f[41] = (float)(w.YearsExperience / 20);
            f[42] = (float)(w.ProfileCompletion / 100);
        }
        if (spec.Configuration == CompletionTimeFeatureConfigurations.Served)
            AddServed(f, r, categoryName, spec);
        return f;
    }

    /// <summary>
    /// The planted world (and the real one) is multiplicative: hours scale with the category's usual hours, with
    /// budget relative to the category's usual budget, and with the worker's own pace. Expressed in logs these are
    /// nearly additive, which a small network learns from 1,400 rows; the seed's budget/100000 and one-hots are not.
    /// </summary>
    private static void AddServed(float[] f, PredictCompletionTime r, string? categoryName, CompletionTimeFeatureSpec spec)
    {
        f[Count] = (float)(Lookup(spec.CategoryLogHours, categoryName) ?? spec.OverallLogHours);
        var usual = Lookup(spec.CategoryBudget, categoryName) ?? spec.OverallBudget;
        f[Count + 1] = r.Budget is > 0 && usual > 0 ? (float)Math.Clamp(Math.Log((double)r.Budget.Value / usual), -3, 3) : 0;
        if (r.Worker is { PaceLog: { } pace, PacedJobs: > 0 } w)
        {
            // Shrunk towards 0 ("usual pace"): one fast job says little, ten say a lot.
            f[Count + 2] = (float)(Math.Clamp(pace, -3, 3) * w.PacedJobs / (w.PacedJobs + spec.PaceShrinkageJobs));
            f[Count + 3] = Math.Min(w.PacedJobs, 20) / 20f;
        }
    }

    private static double? Lookup(IReadOnlyDictionary<string, double> table, string? name)
    {
        if (name is null) return null;
        if (table.TryGetValue(name, out var exact)) return exact;
        foreach (var (key, value) in table)
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    /// <summary>expm1 of the model's ln(1 + hours), with the spec's calibrated 75% interval and the seed's wording.</summary>
    public static CompletionTimePrediction ToPrediction(float logHours, CompletionTimeFeatureSpec spec, int version, string? category)
    {
        var (hours, lower, upper) = Interval(logHours, spec);
        return new CompletionTimePrediction
        {
            PredictedHours = Math.Round(hours, 2),
            ConfidenceIntervalLower = Math.Round(lower, 2),
            ConfidenceIntervalUpper = Math.Round(upper, 2),
            ConfidenceLevel = CompletionTimeFallbackEstimator.ConfidenceLevel,
            FormattedDuration = DurationFormatter.Format(Math.Round(hours, 2)),
            Source = PredictionSources.Model,
            Category = category,
            ModelVersion = version,
        };
    }

    /// <summary>Hours and the 75% interval, clipped to the seed's 0.5-720 h, unrounded (training measures these).</summary>
    public static (double Hours, double Lower, double Upper) Interval(double logHours, CompletionTimeFeatureSpec spec)
    {
        const double min = CompletionTimeFallbackEstimator.MinHours, max = CompletionTimeFallbackEstimator.MaxHours;
        var y = Math.Clamp(logHours, -20, 20);
        var hours = Math.Clamp(Math.Exp(y) - 1, min, max);
        if (spec.IntervalHalfWidth is { } w)
            return (hours, Math.Clamp(Math.Exp(y - w) - 1, min, max), Math.Clamp(Math.Exp(y + w) - 1, min, max));
        var spread = Math.Exp(CompletionTimeFallbackEstimator.Z75 * spec.LogResidualSd);
        return (hours, Math.Max(min, hours / spread), Math.Min(max, hours * spread));
    }
}
