namespace iAyos.Messaging.ScoringWorker.JobBoard.ReadModel;

/// <summary>
/// One write per job-board event type into the jobboard schema (migration 0011). Each is idempotent and order-independent:
/// a listing or update replaces the job's content only when it is at least as recent as the content held (listing_at), and
/// pulls listed_at back to the earliest listing heard of; a close keeps the earliest close, and creates a content-less row
/// when the listing has not arrived yet; a profile replaces an older one; an interaction is inserted once by its event id.
/// So a redelivery writes nothing new and any arrival order ends in the same rows (the in-memory twin is JobBoardFold).
/// Two listings of one job with the same OccurredAt but different content keep whichever arrived last: upstream stamps
/// every change of a listing with its own time, and the schema holds no event id to break such a tie.
/// </summary>
public static class JobBoardSql
{
    // Two statements, one round trip and one implicit transaction: the content when newer, then the earliest listing time
    // (least() ignores the NULL of a row a close created).
    public const string Listing = """
        INSERT INTO jobboard.jobs AS t (job_id, title, description, company, location, required_skills, salary_min, salary_max,
                                        job_type, experience_level, listed_at, listing_at)
        VALUES (@JobId, @Title, @Description, @Company, @Location, @RequiredSkills, @SalaryMin, @SalaryMax,
                @JobType, @ExperienceLevel, @OccurredAt, @OccurredAt)
        ON CONFLICT (job_id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description, company = EXCLUDED.company,
            location = EXCLUDED.location, required_skills = EXCLUDED.required_skills, salary_min = EXCLUDED.salary_min,
            salary_max = EXCLUDED.salary_max, job_type = EXCLUDED.job_type, experience_level = EXCLUDED.experience_level,
            listing_at = EXCLUDED.listing_at
        WHERE t.listing_at IS NULL OR t.listing_at <= EXCLUDED.listing_at;
        UPDATE jobboard.jobs SET listed_at = least(listed_at, @OccurredAt)
        WHERE job_id = @JobId AND (listed_at IS NULL OR listed_at > @OccurredAt);
        """;

    public const string Closed = """
        INSERT INTO jobboard.jobs AS t (job_id, closed_at) VALUES (@JobId, @OccurredAt)
        ON CONFLICT (job_id) DO UPDATE SET closed_at = least(t.closed_at, EXCLUDED.closed_at)
        WHERE t.closed_at IS NULL OR t.closed_at > EXCLUDED.closed_at
        """;

    public const string Profile = """
        INSERT INTO jobboard.users AS t (user_id, skills, location, experience_level, desired_salary, profile_at)
        VALUES (@UserId, @Skills, @Location, @ExperienceLevel, @DesiredSalary, @OccurredAt)
        ON CONFLICT (user_id) DO UPDATE SET skills = EXCLUDED.skills, location = EXCLUDED.location,
            experience_level = EXCLUDED.experience_level, desired_salary = EXCLUDED.desired_salary, profile_at = EXCLUDED.profile_at
        WHERE t.profile_at <= EXCLUDED.profile_at
        """;

    public const string Interaction = """
        INSERT INTO jobboard.interactions (event_id, user_id, job_id, interaction, occurred_at)
        VALUES (@EventId, @UserId, @JobId, @Interaction, @OccurredAt)
        ON CONFLICT (event_id) DO NOTHING
        """;
}
