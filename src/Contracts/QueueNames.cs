namespace iAyos.Messaging.Contracts;

/// <summary>
/// Queues pinned by name: ops scale each worker by the depth of these, so they must not move
/// when a consumer class is renamed. Each model kind's prediction queue is named by its descriptor.
/// </summary>
public static class QueueNames
{
    public const string ModelStatus = "inference-model-status";
    public const string PredictBatch = "inference-batch";
    public const string TrainingCommands = "training-commands";
    public const string MarketplaceEvents = "scoring-marketplace-events";
    public const string ServiceJobEvents = "scoring-service-job-events";
    public const string JobBoardEvents = "scoring-job-board-events";
    public const string UserJobRecommendations = "scoring-user-job-recommendations";
    public const string Recommendations = "scoring-recommendations";
    public const string RecommendationOutcomes = "scoring-recommendation-outcomes";
    public const string ScoringCommands = "scoring-commands";
    public const string TrainingProgress = "gateway-training-progress";

    public static Uri Address(string queue) => new($"queue:{queue}");
}
