using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.Contracts.Recommendations;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using static iAyos.Messaging.Integration.Tests.RecommendationCache.CacheTesting;

namespace iAyos.Messaging.Integration.Tests.RecommendationCache;

/// <summary>The ScoringWorker's own cache, invalidated by the events it folds (after their commit).</summary>
[Collection(StackCollection.Name)]
public class When_marketplace_events_change_a_cached_list(Stack stack)
{
    private ScoringWorker.Caching.RecommendationCache Cache => stack.Scoring.Services.GetRequiredService<ScoringWorker.Caching.RecommendationCache>();

    [Fact]
    public async Task Should_miss_after_the_job_is_cancelled_and_still_hit_for_other_jobs()
    {
        await CacheReadyAndQuietAsync();
        long job = NewJobId(), other = job + 1;
        await LookupAsync(Cache, job);
        await LookupAsync(Cache, other);
        Assert.True((await LookupAsync(Cache, job)).FromCache);

        // No cleaner on it: nobody is rescored, so only the job's own invalidation can make it miss.
        await PublishAndWaitAsync(new JobCancelled { EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, JobId = job, Reason = "test" });

        Assert.False((await LookupAsync(Cache, job)).FromCache);
        Assert.True((await LookupAsync(Cache, other)).FromCache);
    }

    [Fact]
    public async Task Should_miss_after_a_bid_on_the_job()
    {
        await CacheReadyAndQuietAsync();
        var job = NewJobId();
        await LookupAsync(Cache, job);
        Assert.True((await LookupAsync(Cache, job)).FromCache);

        await PublishAndWaitAsync(new BidPlaced
        {
            EventId = NewId.NextGuid(), OccurredAt = DateTimeOffset.UtcNow, BidId = NewJobId(), JobId = job, CleanerId = NewJobId(), Amount = 80,
        });

        Assert.False((await LookupAsync(Cache, job)).FromCache);
    }

    [Fact]
    public async Task Should_miss_for_every_job_after_scores_are_recomputed()
    {
        await CacheReadyAndQuietAsync();
        var job = NewJobId();
        await LookupAsync(Cache, job);
        Assert.True((await LookupAsync(Cache, job)).FromCache);

        var command = new RecomputeCleanerScores { RequestId = NewId.NextGuid(), RequestedAt = DateTimeOffset.UtcNow };
        var observer = new ConsumedObserver<RecomputeCleanerScores>(command.RequestId);
        using var _ = stack.Scoring.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(observer);
        var endpoint = await stack.Gateway.Services.GetRequiredService<IBus>().GetSendEndpoint(QueueNames.Address(QueueNames.ScoringCommands));
        await endpoint.Send(command, c => c.MessageId = command.RequestId);
        await observer.Consumed.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False((await LookupAsync(Cache, job)).FromCache);
    }

    private async Task PublishAndWaitAsync<T>(T message) where T : class, IMarketplaceEvent
    {
        var id = NewId.NextGuid();
        var observer = new ConsumedObserver<T>(id);
        using var _ = stack.Scoring.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(observer);
        await stack.Gateway.Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = id);
        await observer.Consumed.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Connected, and no rescoring left over from earlier tests that would invalidate every list meanwhile.</summary>
    private async Task CacheReadyAndQuietAsync()
    {
        Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(Cache.IsAvailable), TimeSpan.FromSeconds(15)), "the ScoringWorker's cache did not connect");
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        Assert.True(await TestInfrastructure.EventuallyAsync(
            async () => await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM scoring.dirty_cleaners") == 0, TimeSpan.FromSeconds(30)));
    }
}
