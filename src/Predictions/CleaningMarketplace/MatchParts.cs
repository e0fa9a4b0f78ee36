using System.Globalization;

namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>
/// The 0-100 parts both match directions share (client looking for a cleaner, cleaner looking for a job),
/// so the two never disagree about what "fits the budget" or "specializes" means.
/// </summary>
public static class MatchParts
{
    /// <summary>Unknown budget: neither a reason to prefer nor to avoid the pair, so slightly positive.</summary>
    public const double UnknownBudgetPricing = 70;
    public const double SpecializationMatch = 100;
    /// <summary>A cleaner with no history yet is not penalised as hard as one who specializes elsewhere.</summary>
    public const double SpecializationUnknown = 60;
    public const double SpecializationOther = 40;
    /// <summary>Eco-minded clients prefer cleaners whose jobs are mostly eco-friendly.</summary>
    public const double EcoShareThreshold = 0.5;
    public const double EcoMismatchFactor = 0.8;
    /// <summary>Each job already in progress takes a quarter off availability; four or more = fully booked.</summary>
    public const double AvailabilityPerJobInProgress = 25;
    /// <summary>Distances up to this are called "nearby" / "close to you" in reasoning.</summary>
    public const double NearbyKm = 5;

    /// <summary>
    /// 100 when the client's budget covers the cleaner's rate for the estimated hours, proportionally less above it.
    /// </summary>
    public static double Pricing(JobFacts job, CleanerFacts cleaner)
    {
        if (job.ClientBudget is not { } budget) return UnknownBudgetPricing;
        var expected = (double)cleaner.HourlyRate * SafeHours(job.EstimatedHours);
        // A free (or zero-hour) job is covered by any budget.
        if (expected <= 0) return budget >= 0 ? 100 : 0;
        return Clamp100(100 * Math.Min(1, (double)budget / expected));
    }

    public static bool IsSpecialtyMatch(JobFacts job, CleanerFacts cleaner) =>
        cleaner.PrimaryPropertyType is { } primary
        && string.Equals(primary.Trim(), job.PropertyType.Trim(), StringComparison.OrdinalIgnoreCase);

    public static bool IsEcoCleaner(CleanerFacts cleaner) => cleaner.EcoShare >= EcoShareThreshold;

    public static double Specialization(JobFacts job, CleanerFacts cleaner)
    {
        var part = IsSpecialtyMatch(job, cleaner) ? SpecializationMatch
            : cleaner.PrimaryPropertyType is null ? SpecializationUnknown
            : SpecializationOther;
        if (job.EcoPreference && !IsEcoCleaner(cleaner)) part *= EcoMismatchFactor;
        return Clamp100(part);
    }

    public static double Availability(CleanerFacts cleaner) =>
        Clamp100(100 - AvailabilityPerJobInProgress * Math.Max(0, cleaner.JobsInProgress));

    public static double Distance(JobFacts job, CleanerFacts cleaner) =>
        GeoDistance.Kilometres(job.Latitude, job.Longitude, cleaner.Latitude, cleaner.Longitude);

    /// <summary>Parts and scores are shown to people: one decimal is enough and keeps them reproducible.</summary>
    public static double Round1(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static double Clamp100(double value) => double.IsNaN(value) ? 0 : Math.Clamp(value, 0, 100);

    /// <summary>"apartment" -> "apartments": property types are simple nouns, so a plain "s" suffices.</summary>
    public static string Plural(string propertyType)
    {
        var noun = propertyType.Trim().ToLowerInvariant();
        return noun.EndsWith('s') ? noun : noun + "s";
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Km(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Hours that are not a positive finite number contribute nothing rather than poisoning the maths.</summary>
    public static double SafeHours(double hours) => double.IsFinite(hours) && hours > 0 ? hours : 0;
}
