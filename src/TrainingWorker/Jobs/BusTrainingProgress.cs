using iAyos.Messaging.Contracts.Training;
using MassTransit;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>
/// Publishes a run's progress as events (the Gateway stores them for <c>/api/ml/training-runs/{id}</c>).
/// Progress is for people watching; the run's own state is in PostgreSQL. So a report the broker cannot take
/// within <see cref="PublishTimeout"/> (down, or refusing) is dropped with a warning: a broker outage never
/// stops a run.
/// </summary>
public sealed class BusTrainingProgress(IPublishEndpoint bus, TrainingJob job, string instance, ILogger logger) : ITrainingProgress
{
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    public Task StartedAsync(int trainSamples, int validationSamples, int testSamples, int resumedFromEpoch) =>
        PublishAsync(new TrainingStarted
        {
            RunId = job.RunId,
            Kind = job.Kind,
            WorkerInstance = instance,
            StartedAt = DateTimeOffset.UtcNow,
            TrainSamples = trainSamples,
            ValidationSamples = validationSamples,
            TestSamples = testSamples,
            ResumedFromEpoch = resumedFromEpoch,
        });

    public Task EpochAsync(int epoch, double loss, double validationLoss, double learningRate, double epochSeconds) =>
        PublishAsync(new TrainingEpochCompleted
        {
            RunId = job.RunId,
            Epoch = epoch,
            Loss = loss,
            ValidationLoss = validationLoss,
            LearningRate = learningRate,
            EpochSeconds = epochSeconds,
        });

    private async Task PublishAsync<T>(T message) where T : class
    {
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await bus.Publish(message, timeout.Token).WaitAsync(PublishTimeout);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Run {RunId}: {Event} was not published and is dropped: {Reason}", job.RunId, typeof(T).Name, ex.Message);
        }
    }
}
