using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Contracts.ServiceJobs;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using MassTransit;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.ServiceJobs;

/// <summary>
/// Folds the iAyos service-job events (worker profiles, job postings and their lifecycle, reviews) into the read
/// model of migration 0009. Every write is idempotent and order-independent (see <see cref="ServiceJobSql"/>), so
/// redeliveries and reorderings need no inbox. A message no row can hold is rejected with the field it got wrong.
/// </summary>
public sealed class ServiceJobEventsConsumer(NpgsqlDataSource dataSource) :
    IConsumer<WorkerProfileUpdated>, IConsumer<ServiceJobPosted>, IConsumer<ServiceJobAssigned>, IConsumer<ServiceJobStarted>,
    IConsumer<ServiceJobCompleted>, IConsumer<ServiceJobCancelled>, IConsumer<ServiceJobReviewed>
{
    public Task Consume(ConsumeContext<WorkerProfileUpdated> c)
    {
        var m = c.Message;
        if (!(m.ProfileCompletion is >= 0 and <= 100))
            throw Invalid("profile_completion", "must be between 0 and 100.");
        if (!(m.YearsExperience >= 0))
            throw Invalid("years_experience", "must not be negative.");
        if (m.HourlyRate < 0)
            throw Invalid("hourly_rate", "must not be negative.");
        if (string.IsNullOrWhiteSpace(m.DisplayName))
            throw Invalid("display_name", "is required.");
        var certifications = m.Certifications ?? [];
        return ExecuteAsync(c, ServiceJobSql.ProfileVersion, new
        {
            m.WorkerId, OccurredAt = Utc(m.OccurredAt), m.DisplayName, Bio = m.Bio ?? "", m.ProfileCompletion, m.HourlyRate, m.YearsExperience,
            Specializations = (m.Specializations ?? []).ToArray(),
            Certifications = certifications.Select(x => x.Name).ToArray(),
            VerifiedCertifications = certifications.Where(x => x.Verified).Select(x => x.Name).ToArray(),
            m.IsActive,
        });
    }

    public async Task Consume(ConsumeContext<ServiceJobPosted> c)
    {
        var m = c.Message;
        if (string.IsNullOrWhiteSpace(m.Title))
            throw Invalid("title", "is required.");
        if (m.Budget < 0)
            throw Invalid("budget", "must not be negative.");
        OneOf("urgency", m.Urgency, Urgency.All);
        OneOf("skill_level", m.SkillLevel, SkillLevel.All);
        OneOf("job_type", m.JobType, JobType.All);
        var written = await ExecuteAsync(c, ServiceJobSql.Posted, new
        {
            m.JobId, m.CategoryId, m.Title, Description = m.Description ?? "", m.Budget, m.Urgency, m.SkillLevel,
            Materials = (m.Materials ?? []).ToArray(), m.JobType, OccurredAt = Utc(m.OccurredAt), m.ClientId,
        });
        // The posting is selected from iayos.categories, so nothing was written for an unknown one.
        if (written == 0)
            throw Invalid("category_id", $"{m.CategoryId} is not a category of iayos.categories.");
    }

    public Task Consume(ConsumeContext<ServiceJobAssigned> c) =>
        ExecuteAsync(c, ServiceJobSql.Assigned, new { c.Message.JobId, c.Message.WorkerId, OccurredAt = Utc(c.Message.OccurredAt) });

    public Task Consume(ConsumeContext<ServiceJobStarted> c) =>
        ExecuteAsync(c, ServiceJobSql.Started, new { c.Message.JobId, c.Message.WorkerId, OccurredAt = Utc(c.Message.OccurredAt) });

    public Task Consume(ConsumeContext<ServiceJobCompleted> c) =>
        ExecuteAsync(c, ServiceJobSql.Completed, new { c.Message.JobId, c.Message.WorkerId, OccurredAt = Utc(c.Message.OccurredAt) });

    public Task Consume(ConsumeContext<ServiceJobCancelled> c) =>
        ExecuteAsync(c, ServiceJobSql.Cancelled, new { c.Message.JobId, c.Message.Reason, OccurredAt = Utc(c.Message.OccurredAt) });

    public Task Consume(ConsumeContext<ServiceJobReviewed> c)
    {
        var m = c.Message;
        if (m.Rating is < 1 or > 5)
            throw Invalid("rating", "must be between 1 and 5.");
        if (!(m.Satisfaction is >= 0 and <= 100))
            throw Invalid("satisfaction", "must be between 0 and 100.");
        return ExecuteAsync(c, ServiceJobSql.Reviewed, new { m.JobId, m.WorkerId, m.Rating, m.Satisfaction, OccurredAt = Utc(m.OccurredAt) });
    }

    private async Task<int> ExecuteAsync(ConsumeContext context, string sql, object parameters)
    {
        var ct = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    // timestamptz takes UTC only; upstream may report any offset.
    private static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    private static void OneOf(string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is null || !allowed.Contains(value))
            throw Invalid(field, $"'{value}' is not one of {string.Join(", ", allowed)}.");
    }

    private static InvalidRequestException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class ServiceJobEventsConsumerDefinition : ConsumerDefinition<ServiceJobEventsConsumer>
{
    public ServiceJobEventsConsumerDefinition()
    {
        EndpointName = QueueNames.ServiceJobEvents;
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ServiceJobEventsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Concurrent upserts of one job row can deadlock, and PostgreSQL can be down: events wait, never dead-letter.
        endpointConfigurator.UseRetryAndWaitOutOutages();
    }
}
