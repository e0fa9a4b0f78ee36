using System.Text.Json;
using Dapper;
using Npgsql;

namespace iAyos.Messaging.Gateway.Training;

/// <summary>Training runs as the TrainingWorker records them.</summary>
public sealed class TrainingRunsReader(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id AS run_id, kind, status, parameters::text AS parameters, requested_by, requested_at, recorded_at,
        worker_instance, started_at, heartbeat_at, finished_at, epochs_run, metrics::text AS metrics, error,
        attempts, registered_version, activated, train_samples, validation_samples, test_samples, resumed_from_epoch
        """;

    private const string EpochsSql = """
        SELECT epoch, loss, val_loss AS validation_loss, learning_rate, epoch_seconds
        FROM ml.training_run_epochs WHERE run_id = @id ORDER BY epoch
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
        var run = await connection.QuerySingleOrDefaultAsync<TrainingRun>(new CommandDefinition(ByIdSql, new { id }, cancellationToken: cancellationToken));
        if (run is null) return null;
        var epochs = await connection.QueryAsync<TrainingEpoch>(new CommandDefinition(EpochsSql, new { id }, cancellationToken: cancellationToken));
        return run with { Epochs = epochs.ToList() };
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
    public int Attempts { get; init; }
    public int? RegisteredVersion { get; init; }
    public bool? Activated { get; init; }
    public int? TrainSamples { get; init; }
    public int? ValidationSamples { get; init; }
    public int? TestSamples { get; init; }
    public int? ResumedFromEpoch { get; init; }
    /// <summary>Only read for one run; lists leave it null.</summary>
    public IReadOnlyList<TrainingEpoch>? Epochs { get; init; }

    public TrainingRunResponse ToResponse() => new(
        RunId, Kind, Status, JsonDocument.Parse(Parameters).RootElement, RequestedBy, RequestedAt, RecordedAt,
        WorkerInstance, StartedAt, HeartbeatAt, FinishedAt, EpochsRun,
        Metrics is null ? null : JsonDocument.Parse(Metrics).RootElement, Error, Attempts, RegisteredVersion, Activated,
        TrainSamples is null ? null : new TrainingSamples(TrainSamples.Value, ValidationSamples ?? 0, TestSamples ?? 0), ResumedFromEpoch, Epochs);
}

public sealed record TrainingEpoch
{
    public int Epoch { get; init; }
    public double Loss { get; init; }
    public double ValidationLoss { get; init; }
    public double LearningRate { get; init; }
    public double EpochSeconds { get; init; }
}

public sealed record TrainingSamples(int Train, int Validation, int Test);

public sealed record TrainingRunResponse(
    Guid RunId, string Kind, string Status, JsonElement Parameters, string RequestedBy, DateTime RequestedAt,
    DateTime RecordedAt, string? WorkerInstance, DateTime? StartedAt, DateTime? HeartbeatAt, DateTime? FinishedAt,
    int? EpochsRun, JsonElement? Metrics, string? Error, int Attempts, int? RegisteredVersion, bool? Activated,
    TrainingSamples? Samples, int? ResumedFromEpoch, IReadOnlyList<TrainingEpoch>? Epochs);
