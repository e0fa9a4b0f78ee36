namespace iAyos.Messaging.ScoringWorker.ServiceJobs;

/// <summary>
/// One write per iAyos event type. A posting is upserted whole on its id; each lifecycle fact owns its columns
/// of <c>iayos.job_progress</c> (any of them may create the row), and only the assignment sets the worker, the
/// others fill it in while it is unknown. Profile versions are keyed by when they took effect and never change.
/// So a repeat writes the same values again and any arrival order converges on the same rows.
/// </summary>
public static class ServiceJobSql
{
    // Selected from iayos.categories so that an unknown category writes nothing (the consumer rejects it).
    public const string Posted = """
        INSERT INTO iayos.job_postings AS t (id, category_id, title, description, budget, urgency, skill_level, materials_count,
                                             materials, job_type, created_at, client_id)
        SELECT @JobId, c.id, @Title, @Description, @Budget, @Urgency, @SkillLevel, cardinality(@Materials::text[]),
               @Materials::text[], @JobType, @OccurredAt, @ClientId
        FROM iayos.categories c WHERE c.id = @CategoryId
        ON CONFLICT (id) DO UPDATE SET category_id = EXCLUDED.category_id, title = EXCLUDED.title, description = EXCLUDED.description,
            budget = EXCLUDED.budget, urgency = EXCLUDED.urgency, skill_level = EXCLUDED.skill_level,
            materials_count = EXCLUDED.materials_count, materials = EXCLUDED.materials, job_type = EXCLUDED.job_type,
            created_at = EXCLUDED.created_at, client_id = EXCLUDED.client_id
        """;

    public const string Assigned = """
        INSERT INTO iayos.job_progress AS t (job_id, worker_id, assigned_at) VALUES (@JobId, @WorkerId, @OccurredAt)
        ON CONFLICT (job_id) DO UPDATE SET worker_id = EXCLUDED.worker_id, assigned_at = EXCLUDED.assigned_at
        """;

    public const string Started = """
        INSERT INTO iayos.job_progress AS t (job_id, worker_id, started_at) VALUES (@JobId, @WorkerId, @OccurredAt)
        ON CONFLICT (job_id) DO UPDATE SET started_at = EXCLUDED.started_at, worker_id = coalesce(t.worker_id, EXCLUDED.worker_id)
        """;

    public const string Completed = """
        INSERT INTO iayos.job_progress AS t (job_id, worker_id, completed_at) VALUES (@JobId, @WorkerId, @OccurredAt)
        ON CONFLICT (job_id) DO UPDATE SET completed_at = EXCLUDED.completed_at, worker_id = coalesce(t.worker_id, EXCLUDED.worker_id)
        """;

    public const string Cancelled = """
        INSERT INTO iayos.job_progress AS t (job_id, cancelled_at, cancel_reason) VALUES (@JobId, @OccurredAt, @Reason)
        ON CONFLICT (job_id) DO UPDATE SET cancelled_at = EXCLUDED.cancelled_at, cancel_reason = EXCLUDED.cancel_reason
        """;

    public const string Reviewed = """
        INSERT INTO iayos.job_progress AS t (job_id, worker_id, rating, satisfaction, reviewed_at)
        VALUES (@JobId, @WorkerId, @Rating, @Satisfaction, @OccurredAt)
        ON CONFLICT (job_id) DO UPDATE SET rating = EXCLUDED.rating, satisfaction = EXCLUDED.satisfaction,
            reviewed_at = EXCLUDED.reviewed_at, worker_id = coalesce(t.worker_id, EXCLUDED.worker_id)
        """;

    public const string ProfileVersion = """
        INSERT INTO iayos.worker_profiles (worker_id, valid_from, display_name, bio, profile_completion, hourly_rate, years_experience,
                                           specializations, certifications, verified_certifications, is_active)
        VALUES (@WorkerId, @OccurredAt, @DisplayName, @Bio, @ProfileCompletion, @HourlyRate, @YearsExperience,
                @Specializations, @Certifications, @VerifiedCertifications, @IsActive)
        ON CONFLICT (worker_id, valid_from) DO NOTHING
        """;
}
