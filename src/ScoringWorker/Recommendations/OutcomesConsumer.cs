using iAyos.Messaging.Predictions.CleaningMarketplace;
using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Platform.Bus;
using MassTransit;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.Recommendations;

/// <summary>
/// Records what came of a recommendation, and users' feedback on it. Each outcome is a timestamp set
/// once (coalesce), so the same report twice leaves the first time in place.
/// </summary>
public sealed class OutcomesConsumer(NpgsqlDataSource dataSource) :
    IConsumer<RecordRecommendationOutcome>, IConsumer<SubmitRecommendationFeedback>
{
    private const string KindSql = """
        SELECT 'job' FROM scoring.job_recommendations WHERE id = @id
        UNION ALL SELECT 'cleaner' FROM scoring.cleaner_recommendations WHERE id = @id
        UNION ALL SELECT 'bid_suggestion' FROM scoring.bid_suggestions WHERE id = @id
        """;

    private static readonly IReadOnlyDictionary<string, string> JobOutcomeColumns = new Dictionary<string, string>
    {
        [RecommendationOutcomes.Viewed] = "viewed_at",
        [RecommendationOutcomes.BidPlaced] = "bid_placed_at",
        [RecommendationOutcomes.BidAccepted] = "bid_accepted_at",
    };

    private static readonly IReadOnlyDictionary<string, string> CleanerOutcomeColumns = new Dictionary<string, string>
    {
        [RecommendationOutcomes.Viewed] = "viewed_at",
        [RecommendationOutcomes.Contacted] = "contacted_at",
        [RecommendationOutcomes.Hired] = "hired_at",
    };

    private const string BidOutcomeSql = """
        UPDATE scoring.bid_suggestions
        SET actual_bid = coalesce(@ActualBid, actual_bid), was_used = coalesce(@WasUsed, was_used),
            did_win = coalesce(@DidWin, did_win), outcome_at = coalesce(outcome_at, now())
        WHERE id = @RecommendationId
        """;

    private const string FeedbackSql = """
        INSERT INTO scoring.recommendation_feedback (recommendation_id, kind, feedback_type, comment)
        VALUES (@RecommendationId, @Kind, @FeedbackType, @Comment)
        """;

    public async Task Consume(ConsumeContext<RecordRecommendationOutcome> context)
    {
        var m = context.Message;
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var kind = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(KindSql, new { id = m.RecommendationId }, cancellationToken: context.CancellationToken));
        if (kind is null)
        {
            await context.RespondAsync(new RecommendationNotFound { Message = $"No recommendation {m.RecommendationId}." });
            return;
        }

        if (kind == "bid_suggestion")
        {
            if (m.ActualBid is null && m.WasUsed is null && m.DidWin is null)
            {
                await Reject(context, "actual_bid", "a bid suggestion's outcome needs actual_bid, was_used or did_win.");
                return;
            }
            if (m.ActualBid is <= 0)
            {
                await Reject(context, "actual_bid", "must be positive.");
                return;
            }
            await connection.ExecuteAsync(new CommandDefinition(BidOutcomeSql, m, cancellationToken: context.CancellationToken));
        }
        else
        {
            var columns = kind == "job" ? JobOutcomeColumns : CleanerOutcomeColumns;
            if (m.Outcome is null || !columns.TryGetValue(m.Outcome, out var column))
            {
                await Reject(context, "outcome", $"must be one of {string.Join(", ", columns.Keys)} for a {kind} recommendation.");
                return;
            }
            var table = kind == "job" ? "scoring.job_recommendations" : "scoring.cleaner_recommendations";
            // Table and column come from the closed maps above, never from the request.
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE {table} SET {column} = coalesce({column}, now()) WHERE id = @RecommendationId", m, cancellationToken: context.CancellationToken));
        }
        await context.RespondAsync(new RecommendationUpdated { RecommendationId = m.RecommendationId, Kind = kind });
    }

    public async Task Consume(ConsumeContext<SubmitRecommendationFeedback> context)
    {
        var m = context.Message;
        if (!FeedbackTypes.All.Contains(m.FeedbackType))
        {
            await Reject(context, "feedback_type", $"must be one of {string.Join(", ", FeedbackTypes.All)}.");
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var kind = await connection.QueryFirstOrDefaultAsync<string>(new CommandDefinition(KindSql, new { id = m.RecommendationId }, cancellationToken: context.CancellationToken));
        if (kind is null)
        {
            await context.RespondAsync(new RecommendationNotFound { Message = $"No recommendation {m.RecommendationId}." });
            return;
        }
        await connection.ExecuteAsync(new CommandDefinition(FeedbackSql, new { m.RecommendationId, Kind = kind, m.FeedbackType, m.Comment }, cancellationToken: context.CancellationToken));
        await context.RespondAsync(new RecommendationUpdated { RecommendationId = m.RecommendationId, Kind = kind });
    }

    private static Task Reject(ConsumeContext context, string field, string message) =>
        context.RespondAsync(new RecommendationRejected { Errors = new Dictionary<string, string[]> { [field] = [message] } });
}

public sealed class OutcomesConsumerDefinition : ConsumerDefinition<OutcomesConsumer>
{
    public OutcomesConsumerDefinition()
    {
        EndpointName = QueueNames.RecommendationOutcomes;
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OutcomesConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseRetryAndWaitOutOutages();
}
