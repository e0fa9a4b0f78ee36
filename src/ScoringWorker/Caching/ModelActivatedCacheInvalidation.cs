using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Predictions.CleaningMarketplace;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker.Caching;

/// <summary>A newly active cleaning model scores every job differently: the cached lists go. The cache is shared,
/// so one instance consuming it is enough (a competing-consumer queue, not a fan-out).</summary>
public sealed class ModelActivatedCacheInvalidation(RecommendationCache cache) : IConsumer<ModelActivated>
{
    public const string Queue = "scoring-model-activated";

    public Task Consume(ConsumeContext<ModelActivated> context) =>
        context.Message.Kind is CleanerMatchKind.KindName or CleaningBidKind.KindName
            ? cache.InvalidateAllAsync(context.CancellationToken)
            : Task.CompletedTask;
}

public sealed class ModelActivatedCacheInvalidationDefinition : ConsumerDefinition<ModelActivatedCacheInvalidation>
{
    public ModelActivatedCacheInvalidationDefinition()
    {
        EndpointName = ModelActivatedCacheInvalidation.Queue;
        ConcurrentMessageLimit = 1;
    }
}
