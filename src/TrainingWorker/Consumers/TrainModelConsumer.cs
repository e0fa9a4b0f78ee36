using System.Text.Json;
using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.TrainingWorker.Jobs;
using MassTransit;
using Npgsql;

namespace iAyos.Messaging.TrainingWorker.Consumers;

/// <summary>
/// Records a training command as a queued run and acknowledges it at once, so no broker delivery is held open
/// for a run's length; a <see cref="TrainingJobRunner"/> (this instance's, woken now, or any other's) claims it.
/// The run id comes from the command: a redelivery inserts nothing and announces nothing.
/// </summary>
public sealed class TrainModelConsumer(NpgsqlDataSource dataSource, ModelKindCatalog kinds, TrainingWakeUp wakeUp, ILogger<TrainModelConsumer> logger)
    : IConsumer<TrainModel>
{
    private const string InsertSql = """
        INSERT INTO ml.training_runs (id, kind, status, parameters, requested_by, requested_at)
        VALUES (@RunId, @Kind, 'queued', @Parameters::jsonb, @RequestedBy, @RequestedAt)
        ON CONFLICT (id) DO NOTHING
        """;

    private static readonly JsonSerializerOptions ParametersJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task Consume(ConsumeContext<TrainModel> context)
    {
        var command = context.Message;
        if (!kinds.IsKnown(command.Kind))
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["kind"] = [$"'{command.Kind}' is not a model kind; {kinds.MustBeOneOf()}"] });
        if (command.RunId == Guid.Empty)
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["run_id"] = ["must not be empty."] });

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            command.RunId,
            command.Kind,
            Parameters = JsonSerializer.Serialize(command.Parameters ?? new TrainingParameters(), ParametersJson),
            command.RequestedBy,
            RequestedAt = command.RequestedAt.UtcDateTime,
        }, cancellationToken: context.CancellationToken));

        if (inserted == 0)
        {
            logger.LogInformation("Training run {RunId} was already recorded; redelivery ignored", command.RunId);
            return;
        }
        logger.LogInformation("Recorded training run {RunId} for {Kind}", command.RunId, command.Kind);
        wakeUp.Wake();
        await context.Publish(new TrainingRequested { RunId = command.RunId, Kind = command.Kind, RecordedAt = DateTimeOffset.UtcNow });
    }
}

public sealed class TrainModelConsumerDefinition : ConsumerDefinition<TrainModelConsumer>
{
    public TrainModelConsumerDefinition()
    {
        EndpointName = QueueNames.TrainingCommands;
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TrainModelConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseRetryAndWaitOutOutages();
    }
}
