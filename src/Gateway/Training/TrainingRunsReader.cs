using System.Text.Json;
using Dapper;
using Npgsql;

namespace iAyos.Messaging.Gateway.Training;

/// <summary>Training runs as the TrainingWorker records them.</summary>
public sealed class TrainingRunsReader(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id AS run_id, kind, status, parameters::text AS parameters, requested_by, requested_at, recorded_at,
        worker_instance, started_at, heartbeat_at, finished_at, epochs_run, metrics::text AS metrics, error
        """;

    private const string ByIdSql = $"SELECT {Columns} FROM ml.training_runs WHERE id = @id";

    private const string LatestSql = $"""
        SELECT {Columns} FROM ml.training_runs
        WHERE (@kind::text IS NULL OR kind = @kind)
        ORDER BY requested_at DESC
        LIMIT @limit
        """;

    public async Task<TrainingRun?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TrainingRun>(new CommandDefinition(ByIdSql, new { id }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<TrainingRun>> LatestAsync(string? kind, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TrainingRun>(new CommandDefinition(LatestSql, new { kind, limit }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}

/// <summary>A training run as stored; JSON columns are read as text and passed through as JSON.</summary>
public sealed record TrainingRun
{
    public Guid RunId { get; init; }
    public string Kind { get; init; } = "";
    public string Status { get; init; } = "";
    public string Parameters { get; init; } = "{}";
    public string RequestedBy { get; init; } = "";
    public DateTime RequestedAt { get; init; }
    public DateTime RecordedAt { get; init; }
    public string? WorkerInstance { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? HeartbeatAt { get; init; }
    public DateTime? FinishedAt { get; init; }
    public int? EpochsRun { get; init; }
    public string? Metrics { get; init; }
    public string? Error { get; init; }

    public TrainingRunResponse ToResponse() => new(
        RunId, Kind, Status, JsonDocument.Parse(Parameters).RootElement, RequestedBy, RequestedAt, RecordedAt,
        WorkerInstance, StartedAt, HeartbeatAt, FinishedAt, EpochsRun,
        Metrics is null ? null : JsonDocument.Parse(Metrics).RootElement, Error);
}

public sealed record TrainingRunResponse(
    Guid RunId, string Kind, string Status, JsonElement Parameters, string RequestedBy, DateTime RequestedAt,
    DateTime RecordedAt, string? WorkerInstance, DateTime? StartedAt, DateTime? HeartbeatAt, DateTime? FinishedAt,
    int? EpochsRun, JsonElement? Metrics, string? Error);
