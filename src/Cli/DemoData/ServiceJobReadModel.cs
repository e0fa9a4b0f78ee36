using Dapper;
using iAyos.Messaging.Contracts.ServiceJobs;
using Npgsql;

namespace iAyos.Messaging.Cli.DemoData;

/// <summary>
/// How many of a list of events' facts the ScoringWorker has folded into the iAyos read model (each checked by its key and its time, so rows of another world with
/// the same ids do not count).
/// </summary>
public sealed class ServiceJobReadModel(NpgsqlDataSource dataSource)
{
    // Microseconds are what PostgreSQL keeps of a .NET time; a millisecond's slack ignores the rounding.
    private const string CountsSql = """
        SELECT
          (SELECT count(*) FROM iayos.job_postings t JOIN unnest(@PostedIds::bigint[], @PostedAts::timestamptz[]) e(id, at) ON t.id = e.id
           WHERE abs(extract(epoch FROM t.created_at - e.at)) < 0.001)::int AS "Postings",
          (SELECT count(*) FROM iayos.worker_profiles t JOIN unnest(@ProfileIds::bigint[], @ProfileAts::timestamptz[]) e(id, at) ON t.worker_id = e.id
           WHERE abs(extract(epoch FROM t.valid_from - e.at)) < 0.001)::int AS "ProfileVersions",
          (SELECT count(*) FROM iayos.job_progress t JOIN unnest(@AssignedIds::bigint[], @AssignedAts::timestamptz[]) e(id, at) ON t.job_id = e.id
           WHERE abs(extract(epoch FROM t.assigned_at - e.at)) < 0.001)::int AS "Assignments",
          (SELECT count(*) FROM iayos.job_progress t JOIN unnest(@StartedIds::bigint[], @StartedAts::timestamptz[]) e(id, at) ON t.job_id = e.id
           WHERE abs(extract(epoch FROM t.started_at - e.at)) < 0.001)::int AS "Starts",
          (SELECT count(*) FROM iayos.job_progress t JOIN unnest(@CompletedIds::bigint[], @CompletedAts::timestamptz[]) e(id, at) ON t.job_id = e.id
           WHERE abs(extract(epoch FROM t.completed_at - e.at)) < 0.001)::int AS "Completions",
          (SELECT count(*) FROM iayos.job_progress t JOIN unnest(@CancelledIds::bigint[], @CancelledAts::timestamptz[]) e(id, at) ON t.job_id = e.id
           WHERE abs(extract(epoch FROM t.cancelled_at - e.at)) < 0.001)::int AS "Cancellations",
          (SELECT count(*) FROM iayos.job_progress t JOIN unnest(@ReviewedIds::bigint[], @ReviewedAts::timestamptz[]) e(id, at) ON t.job_id = e.id
           WHERE abs(extract(epoch FROM t.reviewed_at - e.at)) < 0.001)::int AS "Reviews"
        """;

    /// <summary>How many of the facts <paramref name="events"/> report the read model holds.</summary>
    public async Task<ServiceJobFacts> CountAsync(IReadOnlyList<IServiceJobEvent> events, CancellationToken ct)
    {
        var distinct = events.DistinctBy(ServiceJobFacts.Key).ToList();
        var parameters = new DynamicParameters();
        void Add<T>(string name, Func<T, long> id) where T : IServiceJobEvent
        {
            var facts = distinct.OfType<T>().ToList();
            parameters.Add(name + "Ids", facts.Select(id).ToArray());
            parameters.Add(name + "Ats", facts.Select(f => f.OccurredAt.UtcDateTime).ToArray());
        }
        Add<ServiceJobPosted>("Posted", e => e.JobId);
        Add<WorkerProfileUpdated>("Profile", e => e.WorkerId);
        Add<ServiceJobAssigned>("Assigned", e => e.JobId);
        Add<ServiceJobStarted>("Started", e => e.JobId);
        Add<ServiceJobCompleted>("Completed", e => e.JobId);
        Add<ServiceJobCancelled>("Cancelled", e => e.JobId);
        Add<ServiceJobReviewed>("Reviewed", e => e.JobId);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleAsync<CountsRow>(new CommandDefinition(CountsSql, parameters, cancellationToken: ct));
        return new ServiceJobFacts(row.Postings, row.ProfileVersions, row.Assignments, row.Starts, row.Completions, row.Cancellations, row.Reviews);
    }

    /// <summary>
    /// Polls until the read model holds every fact of <paramref name="events"/>; after <paramref name="timeout"/>
    /// throws a <see cref="TimeoutException"/> that names what is still missing.
    /// </summary>
    public async Task<ServiceJobFacts> WaitForAsync(IReadOnlyList<IServiceJobEvent> events, TimeSpan timeout, CancellationToken ct)
    {
        var expected = ServiceJobFacts.Of(events);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var held = await CountAsync(events, ct);
            if (held == expected)
                return held;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException(
                    $"After {timeout.TotalSeconds:F0} s the read model still misses {held.Missing(expected)}. " +
                    $"Is the ScoringWorker running and consuming its service-job queue?");
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    private sealed record CountsRow
    {
        public int Postings { get; init; }
        public int ProfileVersions { get; init; }
        public int Assignments { get; init; }
        public int Starts { get; init; }
        public int Completions { get; init; }
        public int Cancellations { get; init; }
        public int Reviews { get; init; }
    }
}
