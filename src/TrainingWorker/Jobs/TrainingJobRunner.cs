using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Platform.Bus;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>
/// Runs training jobs one at a time on this instance. A job is claimed from PostgreSQL (the command that asked
/// for it was acknowledged long ago, so no broker delivery stays open for a run's length), kept alive with a
/// heartbeat, and finished as completed or failed. If this process dies, the heartbeat stops and a live worker
/// claims the run and resumes from its last checkpoint.
/// </summary>
public sealed class TrainingJobRunner(
    TrainingJobStore store,
    IEnumerable<IModelTrainer> trainers,
    TrainingWakeUp wakeUp,
    IBus bus,
    ServiceInstance instance,
    IOptions<TrainingJobOptions> options,
    ILogger<TrainingJobRunner> logger) : BackgroundService
{
    private readonly TrainingJobOptions _options = options.Value;
    private readonly Dictionary<string, IModelTrainer> _trainers = trainers.ToDictionary(t => t.Kind, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(_options.CheckpointDirectory);
        while (!stoppingToken.IsCancellationRequested)
        {
            TrainingJob? job = null;
            try
            {
                job = await store.ClaimNextAsync(instance.Id, TimeSpan.FromSeconds(_options.StaleAfterSeconds), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Could not look for training jobs: {Reason}", ex.Message);
            }
            if (job is null)
            {
                try { await wakeUp.WaitAsync(TimeSpan.FromSeconds(_options.PollSeconds), stoppingToken); }
                catch (OperationCanceledException) { return; }
                continue;
            }
            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(TrainingJob job, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = HeartbeatAsync(job, lost);
        var checkpoint = Path.Combine(_options.CheckpointDirectory, $"{job.RunId}.ckpt");
        logger.LogInformation("Training run {RunId} ({Kind}), attempt {Attempt}", job.RunId, job.Kind, job.Attempt);
        try
        {
            if (!_trainers.TryGetValue(job.Kind, out var trainer))
                throw new TrainingDataException($"Training {job.Kind} models is not available yet.");
            var outcome = await trainer.TrainAsync(job, checkpoint, new BusTrainingProgress(bus, job, instance.Id), lost.Token);
            await lost.CancelAsync();
            await heartbeat;
            if (await store.CompleteAsync(job.RunId, instance.Id, outcome, CancellationToken.None))
            {
                File.Delete(checkpoint);
                await bus.Publish(new TrainingCompleted
                {
                    RunId = job.RunId, Kind = job.Kind, CompletedAt = DateTimeOffset.UtcNow, EpochsRun = outcome.EpochsRun,
                    Metrics = outcome.Metrics, RegisteredVersion = outcome.RegisteredVersion, Activated = outcome.Activated,
                }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
                logger.LogInformation("Training run {RunId} completed: {Report}", job.RunId, outcome.Report);
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            // Shutting down, or another worker took the run over: the checkpoint stays for whoever resumes it.
            logger.LogWarning("Training run {RunId} stopped before finishing; it resumes from its checkpoint when claimed again", job.RunId);
        }
        catch (Exception ex)
        {
            await lost.CancelAsync();
            var reason = ex is TrainingDataException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            logger.LogError(ex, "Training run {RunId} failed: {Reason}", job.RunId, reason);
            if (await store.FailAsync(job.RunId, instance.Id, reason, CancellationToken.None))
            {
                File.Delete(checkpoint);
                await bus.Publish(new TrainingFailed { RunId = job.RunId, Kind = job.Kind, FailedAt = DateTimeOffset.UtcNow, Reason = reason },
                    CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            await lost.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>Keeps the claim fresh; cancels the run when the claim is gone (taken over after a stall).</summary>
    private async Task HeartbeatAsync(TrainingJob job, CancellationTokenSource run)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.HeartbeatSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(run.Token))
            {
                try
                {
                    if (!await store.HeartbeatAsync(job.RunId, instance.Id, run.Token))
                    {
                        logger.LogWarning("Training run {RunId} is no longer held by this worker; stopping it", job.RunId);
                        await run.CancelAsync();
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Heartbeat of run {RunId} failed: {Reason}", job.RunId, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
