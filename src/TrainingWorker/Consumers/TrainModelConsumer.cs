using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Training;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.TrainingWorker.Jobs;
using MassTransit;

namespace iAyos.Messaging.TrainingWorker.Consumers;

/// <summary>
/// Records a training command as a queued run and acknowledges it at once, so no broker delivery is held open
/// for a run's length; a <see cref="TrainingJobRunner"/> (this instance's, woken now, or any other's) claims it.
/// The run id comes from the command: a redelivery, or a run the Gateway recorded first, inserts nothing and announces nothing.
/// </summary>
public sealed class TrainModelConsumer(QueuedTrainingRuns runs, ModelKindCatalog kinds, TrainingWakeUp wakeUp, ILogger<TrainModelConsumer> logger)
    : IConsumer<TrainModel>
{
    public async Task Consume(ConsumeContext<TrainModel> context)
    {
        var command = context.Message;
        if (!kinds.IsKnown(command.Kind))
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["kind"] = [$"'{command.Kind}' is not a model kind; {kinds.MustBeOneOf()}"] });
        if (command.RunId == Guid.Empty)
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["run_id"] = ["must not be empty."] });

        if (!await runs.RecordAsync(command, context.CancellationToken))
        {
            // Recorded already: by the Gateway before it answered 202, or by an earlier delivery. Wake the runner anyway.
            logger.LogInformation("Training run {RunId} was already recorded", command.RunId);
            wakeUp.Wake();
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
