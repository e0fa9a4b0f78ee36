using iAyos.Messaging.Predictions.CleaningMarketplace;
using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Marketplace;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.ScoringWorker.Caching;
using iAyos.Messaging.ScoringWorker.Scoring;
using MassTransit;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.ReadModel;

/// <summary>
/// Folds upstream marketplace events into the read model and, in the same transaction, marks the cleaners
/// the event touches for rescoring (<see cref="ScoreRefresher"/> rescoring them within a second). Each write
/// is idempotent and order-independent (see <see cref="ReadModelSql"/>), so redeliveries and reorderings
/// need no inbox. After the commit, the cached recommendation lists the event changes are invalidated
/// (<see cref="CacheEffect"/>): a redelivered event invalidates again, so a crash between commit and
/// invalidation loses nothing. Score changes invalidate from <see cref="ScoreRefresher"/>, once rescored.
/// </summary>
public sealed class MarketplaceEventsConsumer(NpgsqlDataSource dataSource, RecommendationCache cache) :
    IConsumer<ClientRegistered>, IConsumer<ClientUpdated>,
    IConsumer<CleanerRegistered>, IConsumer<CleanerUpdated>,
    IConsumer<PropertyRegistered>, IConsumer<PropertyUpdated>,
    IConsumer<JobPosted>, IConsumer<BidPlaced>, IConsumer<BidAccepted>,
    IConsumer<JobConfirmed>, IConsumer<JobStarted>, IConsumer<JobCompleted>, IConsumer<JobCancelled>,
    IConsumer<ReviewSubmitted>, IConsumer<CompletionPhotosSubmitted>, IConsumer<PaymentRecorded>
{
    public Task Consume(ConsumeContext<ClientRegistered> c) => ApplyAsync(c, ReadModelSql.Client, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) });
    public Task Consume(ConsumeContext<ClientUpdated> c) => ApplyAsync(c, ReadModelSql.Client, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) });

    public Task Consume(ConsumeContext<CleanerRegistered> c) =>
        ApplyAsync(c, ReadModelSql.Cleaner, Check(c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }, c.Message.HourlyRate), [c.Message.CleanerId], CacheEffect.Everything);
    public Task Consume(ConsumeContext<CleanerUpdated> c) =>
        ApplyAsync(c, ReadModelSql.Cleaner, Check(c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }, c.Message.HourlyRate), [c.Message.CleanerId], CacheEffect.Everything);

    public Task Consume(ConsumeContext<PropertyRegistered> c) =>
        ApplyAsync(c, ReadModelSql.Property, CheckProperty(c.Message.PropertyType, c.Message.SizeM2, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }),
            cacheEffect: CacheEffect.JobsOfProperty(c.Message.PropertyId));
    public Task Consume(ConsumeContext<PropertyUpdated> c) =>
        ApplyAsync(c, ReadModelSql.Property, CheckProperty(c.Message.PropertyType, c.Message.SizeM2, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }),
            cacheEffect: CacheEffect.JobsOfProperty(c.Message.PropertyId));

    public Task Consume(ConsumeContext<JobPosted> c) =>
        ApplyAsync(c, ReadModelSql.JobPosted, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }, cacheEffect: CacheEffect.Job(c.Message.JobId));

    public Task Consume(ConsumeContext<BidPlaced> c)
    {
        if (c.Message.Amount <= 0)
            throw Invalid("amount", "must be positive.");
        return ApplyAsync(c, ReadModelSql.BidPlaced + ";" + ReadModelSql.BidPlacedOutcomes, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }, [c.Message.CleanerId], CacheEffect.Job(c.Message.JobId));
    }

    public Task Consume(ConsumeContext<BidAccepted> c) =>
        ApplyAsync(c, ReadModelSql.BidAccepted + ";" + ReadModelSql.BidAcceptedOutcomes, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }, [c.Message.CleanerId], CacheEffect.Job(c.Message.JobId));

    public Task Consume(ConsumeContext<JobConfirmed> c) =>
        ApplyAsync(c, ReadModelSql.JobConfirmed, c.Message with { OccurredAt = Utc(c.Message.OccurredAt), ScheduledStart = Utc(c.Message.ScheduledStart) }, [c.Message.CleanerId], CacheEffect.Job(c.Message.JobId));
    public Task Consume(ConsumeContext<JobStarted> c) =>
        ApplyAsync(c, ReadModelSql.JobStarted, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }, [c.Message.CleanerId], CacheEffect.Job(c.Message.JobId));
    public Task Consume(ConsumeContext<JobCompleted> c) =>
        ApplyAsync(c, ReadModelSql.JobCompleted, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }, [c.Message.CleanerId], CacheEffect.Job(c.Message.JobId));

    // A cancelled job counts against whoever had it; the acceptance may not have arrived yet, so the
    // cleaner comes from the event, and the job's recorded cleaner is recomputed too.
    public async Task Consume(ConsumeContext<JobCancelled> c)
    {
        var message = c.Message with { OccurredAt = Utc(c.Message.OccurredAt) };
        await ApplyAsync(c, ReadModelSql.JobCancelled, message, message.CleanerId is { } id ? [id] : [], CacheEffect.Job(message.JobId), recomputeJobCleanerOf: message.JobId);
    }

    public Task Consume(ConsumeContext<ReviewSubmitted> c)
    {
        var m = c.Message;
        foreach (var (field, value) in new[] { ("overall", m.Overall), ("quality", m.Quality), ("communication", m.Communication), ("professionalism", m.Professionalism), ("timeliness", m.Timeliness) })
        {
            if (value is < 1 or > 10)
                throw Invalid(field, "must be between 1 and 10.");
        }
        return ApplyAsync(c, ReadModelSql.ReviewSubmitted, m with { OccurredAt = Utc(m.OccurredAt) }, m.CleanerId);
    }

    public Task Consume(ConsumeContext<CompletionPhotosSubmitted> c) =>
        ApplyAsync(c, ReadModelSql.PhotosSubmitted, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }, c.Message.CleanerId);

    public Task Consume(ConsumeContext<PaymentRecorded> c)
    {
        if (c.Message.Amount < 0 || c.Message.PlatformFee < 0)
            throw Invalid("amount", "must not be negative.");
        return ApplyAsync(c, ReadModelSql.PaymentRecorded, c.Message with { OccurredAt = Utc(c.Message.OccurredAt) }, c.Message.CleanerId);
    }

    private Task ApplyAsync(ConsumeContext context, string sql, object? parameters, long cleanerId) =>
        ApplyAsync(context, sql, parameters, [cleanerId]);

    // The jobs on a property, read in the same transaction as the property's update.
    private const string JobsOfPropertySql = "SELECT id FROM marketplace.jobs WHERE property_id = @CacheProperty";

    // The fact and the mark that its cleaners need rescoring commit together, in one round trip.
    private const string MarkDirtySql = """
        INSERT INTO scoring.dirty_cleaners (cleaner_id) SELECT unnest(@DirtyCleaners::bigint[]) ON CONFLICT DO NOTHING
        """;

    private const string MarkJobCleanerDirtySql = """
        INSERT INTO scoring.dirty_cleaners (cleaner_id)
        SELECT accepted_cleaner_id FROM marketplace.jobs WHERE id = @DirtyJobId AND accepted_cleaner_id IS NOT NULL
        ON CONFLICT DO NOTHING
        """;

    private async Task ApplyAsync(ConsumeContext context, string sql, object? parameters, long[]? touchedCleaners = null,
        CacheEffect? cacheEffect = null, long? recomputeJobCleanerOf = null)
    {
        var ct = context.CancellationToken;
        var arguments = new DynamicParameters(parameters);
        arguments.Add("DirtyCleaners", touchedCleaners ?? []);
        var text = sql + ";\n" + MarkDirtySql;
        if (recomputeJobCleanerOf is { } jobId)
        {
            arguments.Add("DirtyJobId", jobId);
            text += ";\n" + MarkJobCleanerDirtySql;
        }
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(text, arguments, transaction, cancellationToken: ct));
        long[] staleJobs = cacheEffect?.JobId is { } job ? [job] : [];
        if (cacheEffect?.PropertyId is { } property)
            staleJobs = [.. await connection.QueryAsync<long>(new CommandDefinition(JobsOfPropertySql, new { CacheProperty = property }, transaction, cancellationToken: ct))];
        await transaction.CommitAsync(ct);

        // Only after the commit: a list recomputed before it would be cached again from the old facts.
        if (cacheEffect?.AllJobs == true)
            await cache.InvalidateAllAsync(ct);
        else
            await cache.InvalidateJobsAsync(staleJobs, ct);
    }

    private static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    private static T Check<T>(T message, decimal hourlyRate)
    {
        if (hourlyRate < 0)
            throw Invalid("hourly_rate", "must not be negative.");
        return message;
    }

    private static T CheckProperty<T>(string propertyType, double sizeM2, T message)
    {
        if (!PropertyTypes.All.Contains(propertyType))
            throw Invalid("property_type", $"'{propertyType}' is not one of {string.Join(", ", PropertyTypes.All)}.");
        if (sizeM2 <= 0)
            throw Invalid("size_m2", "must be positive.");
        return message;
    }

    private static InvalidRequestException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class MarketplaceEventsConsumerDefinition : ConsumerDefinition<MarketplaceEventsConsumer>
{
    public MarketplaceEventsConsumerDefinition()
    {
        EndpointName = QueueNames.MarketplaceEvents;
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<MarketplaceEventsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Concurrent upserts of one job row can deadlock, and PostgreSQL can be down: events wait, never dead-letter.
        endpointConfigurator.UseRetryAndWaitOutOutages();
    }
}
