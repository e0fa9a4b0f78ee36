using iAyos.Messaging.Predictions.CleaningMarketplace;
using System.Diagnostics;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.ScoringWorker.Caching;
using MassTransit;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.Scoring;

/// <summary>Recomputes every cleaner's score in one set-based pass, in one transaction; then every cached list is stale.</summary>
public sealed class RecomputeCleanerScoresConsumer(NpgsqlDataSource dataSource, ScoringOptions options, RecommendationCache cache, ILogger<RecomputeCleanerScoresConsumer> logger)
    : IConsumer<RecomputeCleanerScores>
{
    public async Task Consume(ConsumeContext<RecomputeCleanerScores> context)
    {
        var watch = Stopwatch.StartNew();
        var asOf = context.Message.AsOf?.ToUniversalTime() ?? options.AsOfNow();
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var count = await CleanerScoreStore.RecomputeAsync(connection, transaction, cleanerIds: null, asOf, context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        await cache.InvalidateAllAsync(context.CancellationToken);
        logger.LogInformation("Recomputed {Count} cleaner scores as of {AsOf} in {Milliseconds} ms (request {RequestId})",
            count, asOf, watch.ElapsedMilliseconds, context.Message.RequestId);
    }
}

public sealed class RecomputeCleanerScoresConsumerDefinition : ConsumerDefinition<RecomputeCleanerScoresConsumer>
{
    public RecomputeCleanerScoresConsumerDefinition()
    {
        EndpointName = QueueNames.ScoringCommands;
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RecomputeCleanerScoresConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseRetryAndWaitOutOutages();
}
