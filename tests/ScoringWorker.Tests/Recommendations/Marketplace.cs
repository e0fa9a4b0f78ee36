using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.ScoringWorker.Tests.Recommendations;

/// <summary>A job in central Athens and cleaners around it, whose rule-based order is best quality first.</summary>
public static class Marketplace
{
    public static readonly JobFacts Job = new(JobId: 77, ClientId: ServedNetworks.ClientId, PropertyType: "apartment", SizeM2: 80,
        Latitude: 37.9838, Longitude: 23.7275, EcoPreference: false, EstimatedHours: 3, ClientBudget: 90, CurrentBidCount: 3,
        LowestBid: 60, PostedAt: new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero));

    public static CleanerFacts Cleaner(long id, double quality, bool active = true, double latitude = 37.99) =>
        new(id, $"Cleaner {id}", HourlyRate: 20, Latitude: latitude, Longitude: 23.73, OverallScore: quality, QualityScore: quality,
            ReliabilityScore: quality, PrimaryPropertyType: "apartment", EcoShare: 0, JobsInProgress: 0, IsActive: active, TotalJobs: 20,
            AverageBid: 70, WinRate: 0.3, Ratings: new CleanerRatings(quality / 10, quality / 10, quality / 10, quality / 10, quality / 10, 0.9, 0.8));

    /// <summary>Quality 90, 70, 50: the rule-based order is 1, 2, 3. Their bids are the reverse (cheapest best).</summary>
    public static readonly IReadOnlyList<CleanerFacts> Cleaners = [Cleaner(1, 90), Cleaner(2, 70), Cleaner(3, 50)];

    public static readonly IReadOnlyDictionary<long, decimal> Bids = new Dictionary<long, decimal> { [1] = 60m, [2] = 120m, [3] = 240m };
}
