using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Platform.Bus;
using MassTransit;
using Npgsql;

namespace iAyos.Messaging.Gateway.Training;

/// <summary>
/// Stores what a TrainingWorker reports as a run goes, for <c>GET /api/ml/training-runs/{id}</c>: the split sizes
/// and resume point of each start, and each epoch. Keyed by run (and epoch), so a duplicate, a late event or an
/// epoch repeated after a resume overwrites instead of adding a row. The run's status is the worker's to write.
/// </summary>
public sealed class TrainingProgressConsumer(NpgsqlDataSource dataSource) : IConsumer<TrainingEpochCompleted>, IConsumer<TrainingStarted>
{
    private const string StartedSql = """
        UPDATE ml.training_runs
        SET train_samples = @TrainSamples, validation_samples = @ValidationSamples, test_samples = @TestSamples,
            resumed_from_epoch = @ResumedFromEpoch
        WHERE id = @RunId
        """;

    private const string UpsertSql = """
        INSERT INTO ml.training_run_epochs (run_id, epoch, loss, val_loss, learning_rate, epoch_seconds)
        VALUES (@RunId, @Epoch, @Loss, @ValidationLoss, @LearningRate, @EpochSeconds)
        ON CONFLICT (run_id, epoch) DO UPDATE
        SET loss = excluded.loss, val_loss = excluded.val_loss, learning_rate = excluded.learning_rate,
            epoch_seconds = excluded.epoch_seconds, recorded_at = now()
        """;

    public async Task Consume(ConsumeContext<TrainingEpochCompleted> context)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UpsertSql, context.Message, cancellationToken: context.CancellationToken));
    }

    public async Task Consume(ConsumeContext<TrainingStarted> context)
    {
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(StartedSql, context.Message, cancellationToken: context.CancellationToken));
    }
}

public sealed class TrainingProgressConsumerDefinition : ConsumerDefinition<TrainingProgressConsumer>
{
    public TrainingProgressConsumerDefinition() => EndpointName = QueueNames.TrainingProgress;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TrainingProgressConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.UseRetryAndWaitOutOutages();
}
