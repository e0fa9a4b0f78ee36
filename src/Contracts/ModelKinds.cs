namespace iAyos.Messaging.Contracts;

/// <summary>The model kinds the platform trains and serves, named as they appear in URLs and the registry.</summary>
public static class ModelKinds
{
    public const string PriceBudget = "price-budget";
    public const string CompletionTime = "completion-time";
    public const string WorkerRating = "worker-rating";
    public const string JobRecommender = "job-recommender";
    public const string FreelancerTrust = "freelancer-trust";
    public const string CleanerMatch = "cleaner-match";
    public const string BidSuggestion = "bid-suggestion";

    public static readonly IReadOnlyList<string> All =
    [
        PriceBudget, CompletionTime, WorkerRating, JobRecommender, FreelancerTrust, CleanerMatch, BidSuggestion,
    ];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}
