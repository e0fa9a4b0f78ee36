using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using MassTransit;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.JobBoard.ReadModel;

/// <summary>
/// Folds the job board's events (listings, updates, closes, profiles, interactions) into the read model of migration
/// 0011. Every write is idempotent and order-independent (see <see cref="JobBoardSql"/>), so redeliveries and
/// reorderings need no inbox. A message no row can hold is rejected before anything is written, naming the field it
/// got wrong, and goes to the error queue.
/// </summary>
public sealed class JobBoardEventsConsumer(NpgsqlDataSource dataSource) :
    IConsumer<JobListed>, IConsumer<JobUpdated>, IConsumer<JobClosed>, IConsumer<UserProfileUpdated>, IConsumer<UserInteracted>
{
    public const int MaxTitleLength = 300;
    public const int MaxCompanyLength = 200;
    public const int MaxLocationLength = 100;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxSkills = 50;
    public const int MaxSkillLength = 100;
    /// <summary>numeric(14,2) holds less than 10^12.</summary>
    public const decimal MaxSalary = 999_999_999_999.99m;

    public Task Consume(ConsumeContext<JobListed> c)
    {
        var m = c.Message;
        return Listing(c, m.JobId, m.Title, m.Description, m.Company, m.Location, m.RequiredSkills, m.SalaryMin, m.SalaryMax, m.JobType, m.ExperienceLevel, m.OccurredAt);
    }

    public Task Consume(ConsumeContext<JobUpdated> c)
    {
        var m = c.Message;
        return Listing(c, m.JobId, m.Title, m.Description, m.Company, m.Location, m.RequiredSkills, m.SalaryMin, m.SalaryMax, m.JobType, m.ExperienceLevel, m.OccurredAt);
    }

    public Task Consume(ConsumeContext<JobClosed> c)
    {
        Id("job_id", c.Message.JobId);
        return ExecuteAsync(c, JobBoardSql.Closed, new { c.Message.JobId, OccurredAt = Utc(c.Message.OccurredAt) });
    }

    public Task Consume(ConsumeContext<UserProfileUpdated> c)
    {
        var m = c.Message;
        Id("user_id", m.UserId);
        var skills = Skills("skills", m.Skills, MaxSkills * 2);
        if (m.Location is not null)
            Text("location", m.Location, MaxLocationLength);
        if (m.ExperienceLevel is not null)
            OneOf("experience_level", m.ExperienceLevel, ExperienceLevels.All);
        Salary("desired_salary", m.DesiredSalary);
        return ExecuteAsync(c, JobBoardSql.Profile, new
        {
            m.UserId, Skills = skills, m.Location, m.ExperienceLevel, m.DesiredSalary, OccurredAt = Utc(m.OccurredAt),
        });
    }

    public Task Consume(ConsumeContext<UserInteracted> c)
    {
        var m = c.Message;
        Id("user_id", m.UserId);
        Id("job_id", m.JobId);
        OneOf("interaction", m.Interaction, InteractionKinds.All);
        return ExecuteAsync(c, JobBoardSql.Interaction, new { m.EventId, m.UserId, m.JobId, m.Interaction, OccurredAt = Utc(m.OccurredAt) });
    }

    private Task Listing(ConsumeContext context, long jobId, string title, string? description, string company, string location,
        IReadOnlyList<string>? requiredSkills, decimal? salaryMin, decimal? salaryMax, string jobType, string experienceLevel, DateTimeOffset occurredAt)
    {
        Id("job_id", jobId);
        Text("title", title, MaxTitleLength);
        Text("company", company, MaxCompanyLength);
        Text("location", location, MaxLocationLength);
        description ??= "";
        if (description.Length > MaxDescriptionLength)
            throw Invalid("description", $"must be at most {MaxDescriptionLength} characters.");
        if (description.Contains('\0'))
            throw Invalid("description", "must not contain NUL characters.");
        var skills = Skills("required_skills", requiredSkills, MaxSkills);
        Salary("salary_min", salaryMin);
        Salary("salary_max", salaryMax);
        if (salaryMin > salaryMax)
            throw Invalid("salary_min", $"{salaryMin} is above salary_max {salaryMax}.");
        OneOf("job_type", jobType, JobTypes.All);
        OneOf("experience_level", experienceLevel, ExperienceLevels.All);
        return ExecuteAsync(context, JobBoardSql.Listing, new
        {
            JobId = jobId, Title = title, Description = description, Company = company, Location = location, RequiredSkills = skills,
            SalaryMin = salaryMin, SalaryMax = salaryMax, JobType = jobType, ExperienceLevel = experienceLevel, OccurredAt = Utc(occurredAt),
        });
    }

    private async Task ExecuteAsync(ConsumeContext context, string sql, object parameters)
    {
        var ct = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct));
    }

    // timestamptz takes UTC only; upstream may report any offset.
    private static DateTimeOffset Utc(DateTimeOffset value) => value.ToUniversalTime();

    private static void Id(string field, long id)
    {
        if (id <= 0)
            throw Invalid(field, "must be positive.");
    }

    private static void Text(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw Invalid(field, "is required.");
        if (value.Length > maxLength)
            throw Invalid(field, $"must be at most {maxLength} characters.");
        if (value.Contains('\0'))
            throw Invalid(field, "must not contain NUL characters.");
    }

    private static string[] Skills(string field, IReadOnlyList<string>? skills, int maxCount)
    {
        skills ??= [];
        if (skills.Count > maxCount)
            throw Invalid(field, $"must name at most {maxCount} skills ({skills.Count} given).");
        for (var i = 0; i < skills.Count; i++)
            Text($"{field}[{i}]", skills[i], MaxSkillLength);
        return [.. skills];
    }

    private static void Salary(string field, decimal? amount)
    {
        if (amount < 0)
            throw Invalid(field, "must not be negative.");
        if (amount > MaxSalary)
            throw Invalid(field, $"must be at most {MaxSalary}.");
    }

    private static void OneOf(string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is null || !allowed.Contains(value))
            throw Invalid(field, $"'{value}' is not one of {string.Join(", ", allowed)}.");
    }

    private static InvalidRequestException Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

public sealed class JobBoardEventsConsumerDefinition : ConsumerDefinition<JobBoardEventsConsumer>
{
    public JobBoardEventsConsumerDefinition()
    {
        EndpointName = QueueNames.JobBoardEvents;
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<JobBoardEventsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Concurrent upserts of one job row can deadlock, and PostgreSQL can be down: events wait, never dead-letter.
        endpointConfigurator.UseRetryAndWaitOutOutages();
    }
}
