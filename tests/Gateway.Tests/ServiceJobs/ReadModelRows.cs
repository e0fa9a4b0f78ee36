using Dapper;
using Npgsql;

namespace iAyos.Messaging.Gateway.Tests.ServiceJobs;

/// <summary>Writes iAyos read-model rows directly, with ids far from any other test's, and removes them after.</summary>
public sealed class ReadModelRows(NpgsqlDataSource db) : IAsyncDisposable
{
    private readonly List<long> _jobs = [];
    private readonly List<long> _workers = [];

    public static long NewId() => 7_000_000_000L + Random.Shared.NextInt64(1, 1_000_000_000);

    public async Task WorkerAsync(long workerId, DateTimeOffset validFrom, double completion = 80, double years = 6, bool active = true)
    {
        _workers.Add(workerId);
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO iayos.worker_profiles (worker_id, valid_from, display_name, bio, profile_completion, hourly_rate, years_experience,
                                               specializations, certifications, verified_certifications, is_active)
            VALUES (@workerId, @validFrom, 'Test Worker', repeat('x', 240), @completion, 350, @years, '{Plumbing,Electrical}',
                    '{TESDA NC II,First aid}', '{TESDA NC II}', @active)
            """, new { workerId, validFrom = validFrom.UtcDateTime, completion, years, active });
    }

    /// <summary>A Plumbing job (3 h usual) with whatever of its lifecycle is given.</summary>
    public async Task JobAsync(long jobId, DateTimeOffset postedAt, long? workerId = null, DateTimeOffset? startedAt = null, DateTimeOffset? completedAt = null,
        int? rating = null, double? satisfaction = null, DateTimeOffset? reviewedAt = null, decimal budget = 2000)
    {
        _jobs.Add(jobId);
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO iayos.job_postings (id, category_id, title, description, budget, urgency, skill_level, materials_count, materials, job_type, created_at)
            VALUES (@jobId, 1, 'Fix sink', '', @budget, 'HIGH', 'INTERMEDIATE', 2, '{pipe,sealant}', 'LISTING', @postedAt);
            INSERT INTO iayos.job_progress (job_id, worker_id, assigned_at, started_at, completed_at, rating, satisfaction, reviewed_at)
            SELECT @jobId, @workerId, @startedAt, @startedAt, @completedAt, @rating, @satisfaction, @reviewedAt WHERE @workerId IS NOT NULL;
            """, new
        {
            jobId, postedAt = postedAt.UtcDateTime, workerId, startedAt = startedAt?.UtcDateTime, completedAt = completedAt?.UtcDateTime,
            rating, satisfaction, reviewedAt = reviewedAt?.UtcDateTime, budget,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            DELETE FROM iayos.job_progress WHERE job_id = ANY(@jobs);
            DELETE FROM iayos.job_postings WHERE id = ANY(@jobs);
            DELETE FROM iayos.worker_profiles WHERE worker_id = ANY(@workers);
            """, new { jobs = _jobs.ToArray(), workers = _workers.ToArray() });
    }
}
