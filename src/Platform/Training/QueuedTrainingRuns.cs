using System.Text.Json;
using Dapper;
using iAyos.Messaging.Contracts.Training;
using Npgsql;

namespace iAyos.Messaging.Platform.Training;

/// <summary>
/// Records a training command as a queued run. The Gateway records it before answering 202, so an acknowledged
/// request is durable even if the command message is then lost; the TrainingWorker records it again on receipt
/// (a no-op by run id) for commands sent straight to the bus. Any worker's job runner claims queued rows.
/// </summary>
public sealed class QueuedTrainingRuns(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO ml.training_runs (id, kind, status, parameters, requested_by, requested_at)
        VALUES (@RunId, @Kind, 'queued', @Parameters::jsonb, @RequestedBy, @RequestedAt)
        ON CONFLICT (id) DO NOTHING
        """;

    private static readonly JsonSerializerOptions ParametersJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <returns>False when the run was already recorded.</returns>
    public async Task<bool> RecordAsync(TrainModel command, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            command.RunId,
            command.Kind,
            Parameters = JsonSerializer.Serialize(command.Parameters ?? new TrainingParameters(), ParametersJson),
            command.RequestedBy,
            RequestedAt = command.RequestedAt.UtcDateTime,
        }, cancellationToken: ct));
        return inserted == 1;
    }
}
