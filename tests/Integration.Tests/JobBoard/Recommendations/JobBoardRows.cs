using Dapper;
using iAyos.Messaging.Predictions.JobBoard;
using Npgsql;

namespace iAyos.Messaging.Integration.Tests.JobBoard.Recommendations;

/// <summary>
/// Writes the job board's read model (migration 0011) directly, as its event consumer leaves it: these tests are about
/// what serving reads, not about folding events (the read model's own tests do that).
/// </summary>
public static class JobBoardRows
{
    /// <summary>The board's "now": every time below is relative to it.</summary>
    public static readonly DateTime Now = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);

    public static Task ResetAsync(NpgsqlConnection connection) =>
        connection.ExecuteAsync("TRUNCATE jobboard.jobs, jobboard.users, jobboard.interactions");

    public static Task JobAsync(NpgsqlConnection connection, JobFacts job, DateTime listedAt, DateTime? listingAt = null, DateTime? closedAt = null) =>
        connection.ExecuteAsync("""
            INSERT INTO jobboard.jobs (job_id, title, description, company, location, required_skills, salary_min, salary_max,
                                       job_type, experience_level, listed_at, listing_at, closed_at)
            VALUES (@JobId, @Title, @Description, @Company, @Location, @RequiredSkills, @SalaryMin, @SalaryMax, @JobType,
                    @ExperienceLevel, @listedAt, @listingAt, @closedAt)
            ON CONFLICT (job_id) DO UPDATE SET title = excluded.title, description = excluded.description,
                company = excluded.company, location = excluded.location, required_skills = excluded.required_skills,
                listing_at = excluded.listing_at, closed_at = excluded.closed_at
            """,
            new
            {
                job.JobId, job.Title, job.Description, job.Company, job.Location, RequiredSkills = job.RequiredSkills.ToArray(),
                job.SalaryMin, job.SalaryMax, job.JobType, job.ExperienceLevel, listedAt, listingAt = listingAt ?? listedAt, closedAt,
            });

    /// <summary>A close heard of before the listing: a row without content, never a candidate.</summary>
    public static Task ClosedBeforeListedAsync(NpgsqlConnection connection, long jobId, DateTime closedAt) =>
        connection.ExecuteAsync("INSERT INTO jobboard.jobs (job_id, closed_at) VALUES (@jobId, @closedAt)", new { jobId, closedAt });

    public static Task CloseAsync(NpgsqlConnection connection, long jobId, DateTime closedAt) =>
        connection.ExecuteAsync("UPDATE jobboard.jobs SET closed_at = @closedAt WHERE job_id = @jobId", new { jobId, closedAt });

    public static Task UserAsync(NpgsqlConnection connection, UserFacts user) =>
        connection.ExecuteAsync("""
            INSERT INTO jobboard.users (user_id, skills, location, experience_level, desired_salary, profile_at)
            VALUES (@UserId, @Skills, @Location, @ExperienceLevel, @DesiredSalary, @profileAt)
            """,
            new { user.UserId, Skills = user.Skills.ToArray(), user.Location, user.ExperienceLevel, user.DesiredSalary, profileAt = Now });

    public static Task InteractionAsync(NpgsqlConnection connection, long userId, long jobId, string interaction, DateTime occurredAt) =>
        connection.ExecuteAsync("""
            INSERT INTO jobboard.interactions (event_id, user_id, job_id, interaction, occurred_at)
            VALUES (@eventId, @userId, @jobId, @interaction, @occurredAt)
            """,
            new { eventId = Guid.NewGuid(), userId, jobId, interaction, occurredAt });
}
