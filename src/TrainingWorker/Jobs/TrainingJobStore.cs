using System.Text.Json;
using Dapper;
using iAyos.Messaging.Contracts.Training;
using Npgsql;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>
/// The training-run rows as a job queue. Claiming takes the oldest queued run, or a running one whose
/// heartbeat went stale, with FOR UPDATE SKIP LOCKED so two workers never take the same run; every later write
/// names the claiming instance, so a worker that lost its claim cannot overwrite the new owner's result.
/// </summary>
public sealed class TrainingJobStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions ParametersJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private const string ClaimSql = """
        UPDATE ml.training_runs r
        SET status = 'running', worker_instance = @instance, attempts = r.attempts + 1,
            started_at = coalesce(r.started_at, now()), heartbeat_at = now()
        WHERE r.id = (
            SELECT id FROM ml.training_runs
            WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < now() - make_interval(secs => @staleSeconds))
            ORDER BY requested_at
            FOR UPDATE SKIP LOCKED
            LIMIT 1)
        RETURNING r.id AS run_id, r.kind, r.parameters::text AS parameters, r.attempts, r.requested_at
        """;

    private const string HeartbeatSql = """
        UPDATE ml.training_runs SET heartbeat_at = now()
        WHERE id = @runId AND status = 'running' AND worker_instance = @instance
        """;

    private const string CompleteSql = """
        UPDATE ml.training_runs
        SET status = 'completed', finished_at = now(), heartbeat_at = now(), epochs_run = @epochsRun,
            metrics = @metrics::jsonb, registered_version = @registeredVersion, activated = @activated, error = NULL
        WHERE id = @runId AND status = 'running' AND worker_instance = @instance
        """;

    private const string FailSql = """
        UPDATE ml.training_runs SET status = 'failed', finished_at = now(), error = @error
        WHERE id = @runId AND status = 'running' AND worker_instance = @instance
        """;

    public async Task<TrainingJob?> ClaimNextAsync(string instance, TimeSpan staleAfter, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ClaimedRow>(new CommandDefinition(ClaimSql,
            new { instance, staleSeconds = staleAfter.TotalSeconds }, cancellationToken: ct));
        if (row is null) return null;
        var parameters = JsonSerializer.Deserialize<TrainingParameters>(row.Parameters, ParametersJson) ?? new TrainingParameters();
        return new TrainingJob(row.RunId, row.Kind, parameters, row.Attempts, new DateTimeOffset(row.RequestedAt, TimeSpan.Zero));
    }

    /// <summary>False when this instance no longer holds the run (it was taken over): stop training it.</summary>
    public async Task<bool> HeartbeatAsync(Guid runId, string instance, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(HeartbeatSql, new { runId, instance }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> CompleteAsync(Guid runId, string instance, TrainingOutcome outcome, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(CompleteSql, new
        {
            runId,
            instance,
            epochsRun = outcome.EpochsRun,
            metrics = JsonSerializer.Serialize(outcome.Metrics),
            registeredVersion = outcome.RegisteredVersion,
            activated = outcome.Activated,
        }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> FailAsync(Guid runId, string instance, string error, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(FailSql, new { runId, instance, error }, cancellationToken: ct)) == 1;
    }

    private sealed record ClaimedRow
    {
        public Guid RunId { get; init; }
        public string Kind { get; init; } = "";
        public string Parameters { get; init; } = "{}";
        public int Attempts { get; init; }
        public DateTime RequestedAt { get; init; }
    }
}
