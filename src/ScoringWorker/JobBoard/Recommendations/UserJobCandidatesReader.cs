using Dapper;
using iAyos.Messaging.Predictions.JobBoard;
using Npgsql;

namespace iAyos.Messaging.ScoringWorker.JobBoard.Recommendations;

/// <summary>What one request reads first: the user's profile (if any), how many interactions they have, and their candidates.</summary>
public sealed record UserJobRequestFacts(UserFacts? Profile, int Interactions, IReadOnlyList<OpenJob> Candidates);

/// <summary>An open job by id and content version: enough to find its encoding in <see cref="CandidateJobCache"/>.</summary>
public sealed record OpenJob(long JobId, DateTime? ListingAt);

/// <summary>A job's content as the read model holds it, with the times the cache and the popularity ranking need.</summary>
public sealed record JobListing(JobFacts Facts, DateTime? ListedAt, DateTime? ListingAt);

/// <summary>
/// Reads the job board's read model for job recommendations (migration 0011). A request's own facts come in one round
/// trip (three statements in one batch); job content only for jobs the cache does not hold at their current version.
/// </summary>
public sealed class UserJobCandidatesReader(NpgsqlDataSource dataSource)
{
    // Candidates: open (not closed, with content) and neither applied to nor dismissed by the user. Ordered by id so a
    // ranking's ties break the same way every time.
    private const string RequestSql = """
        SELECT user_id, skills, location, experience_level, desired_salary FROM jobboard.users WHERE user_id = @userId;
        SELECT count(*)::int FROM jobboard.interactions WHERE user_id = @userId;
        SELECT j.job_id, j.listing_at
        FROM jobboard.jobs j
        WHERE j.closed_at IS NULL AND j.title IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM jobboard.interactions i
                          WHERE i.user_id = @userId AND i.job_id = j.job_id AND i.interaction IN ('applied', 'dismissed'))
        ORDER BY j.job_id;
        """;

    private const string JobsSql = """
        SELECT job_id, title, coalesce(description, '') AS description, coalesce(company, '') AS company,
               coalesce(location, '') AS location, required_skills, salary_min, salary_max,
               coalesce(job_type, '') AS job_type, coalesce(experience_level, '') AS experience_level, listed_at, listing_at
        FROM jobboard.jobs
        WHERE job_id = ANY(@jobIds) AND title IS NOT NULL
        """;

    // Applications per job over the window before the latest interaction heard of: the board's own clock, so a
    // replayed or simulated history ranks the same as a live one.
    private const string ApplicationsSql = """
        SELECT job_id, count(*)::int AS applications
        FROM jobboard.interactions
        WHERE interaction = 'applied'
          AND occurred_at >= (SELECT max(occurred_at) FROM jobboard.interactions) - make_interval(days => @days)
        GROUP BY job_id
        """;

    public async Task<UserJobRequestFacts> RequestFactsAsync(long userId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(RequestSql, new { userId }, cancellationToken: ct));
        var user = await results.ReadSingleOrDefaultAsync<UserRow>();
        var interactions = await results.ReadSingleAsync<int>();
        var candidates = (await results.ReadAsync<OpenJobRow>()).Select(r => new OpenJob(r.JobId, r.ListingAt)).ToList();
        return new UserJobRequestFacts(user?.ToFacts(), interactions, candidates);
    }

    public async Task<IReadOnlyList<JobListing>> JobsAsync(IReadOnlyCollection<long> jobIds, CancellationToken ct)
    {
        if (jobIds.Count == 0) return [];
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(JobsSql, new { jobIds = jobIds.ToArray() }, cancellationToken: ct));
        return rows.Select(r => r.ToListing()).ToList();
    }

    /// <summary>Applications per job in the last <paramref name="days"/> days of the board's activity.</summary>
    public async Task<IReadOnlyDictionary<long, int>> RecentApplicationsAsync(int days, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(long JobId, int Applications)>(new CommandDefinition(ApplicationsSql, new { days }, cancellationToken: ct));
        return rows.ToDictionary(r => r.JobId, r => r.Applications);
    }

    private sealed record UserRow
    {
        public long UserId { get; init; }
        public string[] Skills { get; init; } = [];
        public string? Location { get; init; }
        public string? ExperienceLevel { get; init; }
        public decimal? DesiredSalary { get; init; }

        public UserFacts ToFacts() => new(UserId, Skills, Location, ExperienceLevel, DesiredSalary);
    }

    private sealed record OpenJobRow
    {
        public long JobId { get; init; }
        public DateTime? ListingAt { get; init; }
    }

    private sealed record JobRow
    {
        public long JobId { get; init; }
        public string Title { get; init; } = "";
        public string Description { get; init; } = "";
        public string Company { get; init; } = "";
        public string Location { get; init; } = "";
        public string[] RequiredSkills { get; init; } = [];
        public decimal? SalaryMin { get; init; }
        public decimal? SalaryMax { get; init; }
        public string JobType { get; init; } = "";
        public string ExperienceLevel { get; init; } = "";
        public DateTime? ListedAt { get; init; }
        public DateTime? ListingAt { get; init; }

        public JobListing ToListing() => new(
            new JobFacts(JobId, Title, Description, Company, Location, RequiredSkills, SalaryMin, SalaryMax, JobType, ExperienceLevel),
            ListedAt, ListingAt);
    }
}
