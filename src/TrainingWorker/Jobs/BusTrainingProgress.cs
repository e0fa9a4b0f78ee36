using iAyos.Messaging.Contracts.Training;
using MassTransit;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>Publishes a run's progress as events (the Gateway stores them for <c>/api/ml/training-runs/{id}</c>).</summary>
public sealed class BusTrainingProgress(IPublishEndpoint bus, TrainingJob job, string instance) : ITrainingProgress
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    public Task StartedAsync(int trainSamples, int validationSamples, int testSamples, int resumedFromEpoch) =>
        bus.Publish(new TrainingStarted
        {
            RunId = job.RunId,
            Kind = job.Kind,
            WorkerInstance = instance,
            StartedAt = DateTimeOffset.UtcNow,
            TrainSamples = trainSamples,
            ValidationSamples = validationSamples,
            TestSamples = testSamples,
            ResumedFromEpoch = resumedFromEpoch,
        }).WaitAsync(PublishTimeout);

    public Task EpochAsync(int epoch, double loss, double validationLoss, double learningRate, double epochSeconds) =>
        bus.Publish(new TrainingEpochCompleted
        {
            RunId = job.RunId,
            Epoch = epoch,
            Loss = loss,
            ValidationLoss = validationLoss,
            LearningRate = learningRate,
            EpochSeconds = epochSeconds,
        }).WaitAsync(PublishTimeout);
}
