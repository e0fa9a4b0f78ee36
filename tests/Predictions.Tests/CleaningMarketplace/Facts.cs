using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Predictions.Tests.CleaningMarketplace;

/// <summary>Baseline job and cleaner; tests vary one thing with <c>with</c>.</summary>
internal static class Facts
{
    public const double AthensLat = 37.9838;
    public const double AthensLon = 23.7275;

    /// <summary>0.054 deg due north on the same meridian: haversine reduces to R * dLat = 6.0045 km.</summary>
    public const double SixKmNorthLat = AthensLat + 0.054;

    public static JobFacts Job() => new(
        JobId: 1,
        ClientId: 2,
        PropertyType: "apartment",
        SizeM2: 80,
        Latitude: AthensLat,
        Longitude: AthensLon,
        EcoPreference: false,
        EstimatedHours: 3,
        ClientBudget: 60m,
        CurrentBidCount: 4,
        LowestBid: null);

    public static CleanerFacts Cleaner() => new(
        CleanerId: 10,
        DisplayName: "Maria",
        HourlyRate: 20m,
        Latitude: AthensLat,
        Longitude: AthensLon,
        OverallScore: 70,
        QualityScore: 70,
        ReliabilityScore: 70,
        PrimaryPropertyType: "apartment",
        EcoShare: 0.8,
        JobsInProgress: 1,
        IsActive: true,
        TotalJobs: 25,
        AverageBid: null,
        WinRate: null);
}
