using Dapper;
using iAyos.Messaging.Predictions.JobBoard;
using iAyos.Messaging.Training.JobBoard;
using Npgsql;

namespace iAyos.Messaging.TrainingWorker.JobBoard;

/// <summary>
/// The job board's read model (jobboard.* as the ScoringWorker folded it) as one <see cref="JobBoardSnapshot"/>: one
/// query per table in one repeatable-read transaction, so jobs, users and interactions agree with each other even while
/// events keep arriving. Jobs without content (a close heard before its listing) are left out; interactions come in
/// time order, ties by event id, so two reads of the same rows give the same list.
/// </summary>
public sealed class JobBoardSnapshotReader(NpgsqlDataSource dataSource)
{
    private const string JobsSql = """
        SELECT job_id, title, description, company, location, required_skills, salary_min, salary_max, job_type, experience_level,
               coalesce(listed_at, listing_at) AS listed_at, closed_at
        FROM jobboard.jobs WHERE title IS NOT NULL ORDER BY job_id
        """;

    private const string UsersSql = """
        SELECT user_id, skills, location, experience_level, desired_salary FROM jobboard.users ORDER BY user_id
        """;

    private const string InteractionsSql = """
        SELECT user_id, job_id, interaction, occurred_at FROM jobboard.interactions ORDER BY occurred_at, event_id
        """;

    public async Task<JobBoardSnapshot> ReadAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);

        async Task<List<T>> Query<T>(string sql) =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct))).AsList();

        var jobs = await Query<JobRow>(JobsSql);
        var users = await Query<UserRow>(UsersSql);
        var interactions = await Query<InteractionRow>(InteractionsSql);
        await transaction.CommitAsync(ct);

        return new JobBoardSnapshot(
            jobs.Select(j => new JobRecord(
                new JobFacts(j.JobId, j.Title, j.Description ?? "", j.Company ?? "", j.Location ?? "", j.RequiredSkills, j.SalaryMin, j.SalaryMax,
                    j.JobType ?? "", j.ExperienceLevel ?? ""),
                Utc(j.ListedAt), j.ClosedAt is { } closed ? Utc(closed) : null)).ToList(),
            users.Select(u => new UserFacts(u.UserId, u.Skills, u.Location, u.ExperienceLevel, u.DesiredSalary)).ToList(),
            interactions.Select(i => new InteractionRecord(i.UserId, i.JobId, i.Interaction, Utc(i.OccurredAt))).ToList());
    }

    // Npgsql reads timestamptz as a UTC DateTime.
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record JobRow
    {
        public long JobId { get; init; }
        public string Title { get; init; } = "";
        public string? Description { get; init; }
        public string? Company { get; init; }
        public string? Location { get; init; }
        public string[] RequiredSkills { get; init; } = [];
        public decimal? SalaryMin { get; init; }
        public decimal? SalaryMax { get; init; }
        public string? JobType { get; init; }
        public string? ExperienceLevel { get; init; }
        // A row with content has both (the listing that gave it the content set them).
        public DateTime ListedAt { get; init; }
        public DateTime? ClosedAt { get; init; }
    }

    private sealed record UserRow
    {
        public long UserId { get; init; }
        public string[] Skills { get; init; } = [];
        public string? Location { get; init; }
        public string? ExperienceLevel { get; init; }
        public decimal? DesiredSalary { get; init; }
    }

    private sealed record InteractionRow
    {
        public long UserId { get; init; }
        public long JobId { get; init; }
        public string Interaction { get; init; } = "";
        public DateTime OccurredAt { get; init; }
    }
}
