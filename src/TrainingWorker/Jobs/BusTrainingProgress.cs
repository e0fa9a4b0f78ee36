using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Platform.Metrics;
using MassTransit;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>
/// Publishes a run's progress as events (the Gateway stores them for <c>/api/ml/training-runs/{id}</c>).
/// Progress is for people watching; the run's own state is in PostgreSQL. So a report the broker cannot take
/// within <see cref="PublishTimeout"/> (down, or refusing) is dropped with a warning, and so is every report
/// of the next <see cref="QuietAfterFailure"/> without trying: a broker outage neither stops a run nor holds
/// its end for a timeout per epoch.
/// </summary>
public sealed class BusTrainingProgress(IPublishEndpoint bus, TrainingJob job, string instance, ILogger logger,
    TimeSpan? publishTimeout = null, TimeSpan? quietAfterFailure = null) : ITrainingProgress
{
    public static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan QuietAfterFailure = TimeSpan.FromSeconds(30);

    private readonly TimeSpan _publishTimeout = publishTimeout ?? PublishTimeout;
    private readonly TimeSpan _quietAfterFailure = quietAfterFailure ?? QuietAfterFailure;
    private DateTime _quietUntil = DateTime.MinValue;
    private int _dropped;

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

    public Task EpochAsync(int epoch, double loss, double validationLoss, double learningRate, double epochSeconds)
    {
        // The gauge is set whether or not the broker takes the report.
        TrainingMetrics.EpochCompleted(job.Kind, loss, validationLoss);
        return PublishAsync(new TrainingEpochCompleted
        {
            RunId = job.RunId,
            Epoch = epoch,
            Loss = loss,
            ValidationLoss = validationLoss,
            LearningRate = learningRate,
            EpochSeconds = epochSeconds,
        });
    }

    // Reports come one at a time (the trainer's start, then OrderedEpochReports' single reader).
    private async Task PublishAsync<T>(T message) where T : class
    {
        if (DateTime.UtcNow < _quietUntil)
        {
            _dropped++;
            return;
        }
        using var timeout = new CancellationTokenSource(_publishTimeout);
        try
        {
            await bus.Publish(message, timeout.Token).WaitAsync(_publishTimeout);
            if (_dropped > 0)
                logger.LogInformation("Run {RunId}: progress is published again; {Dropped} reports were dropped", job.RunId, _dropped);
            _dropped = 0;
        }
        catch (Exception ex)
        {
            _dropped++;
            _quietUntil = DateTime.UtcNow + _quietAfterFailure;
            logger.LogWarning("Run {RunId}: {Event} was not published and is dropped, as are reports for the next {Quiet}: {Reason}",
                job.RunId, typeof(T).Name, _quietAfterFailure, ex.Message);
        }
    }
}
