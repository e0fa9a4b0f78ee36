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
/// <para>
/// Outages neither fail nor lose a run: while PostgreSQL is down the claim loop backs off, heartbeats are
/// skipped, a trainer that fails transiently (reading its data, registering its model) waits until PostgreSQL
/// answers and runs again from its checkpoint, and the final completed or failed write is retried until it
/// lands. Progress events the broker cannot take are dropped (<see cref="BusTrainingProgress"/>).
/// </para>
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
    /// <summary>The longest wait between two claims while PostgreSQL does not answer.</summary>
    private static readonly TimeSpan LongestClaimBackoff = TimeSpan.FromSeconds(15);

    private readonly TrainingJobOptions _options = options.Value;
    private readonly Dictionary<string, IModelTrainer> _trainers = trainers.ToDictionary(t => t.Kind, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Directory.CreateDirectory(_options.CheckpointDirectory);
        var failedClaims = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TrainingJob? job = null;
            try
            {
                job = await store.ClaimNextAsync(instance.Id, TimeSpan.FromSeconds(_options.StaleAfterSeconds), stoppingToken);
                if (failedClaims > 0)
                    logger.LogInformation("Looking for training jobs works again after {Failures} failed attempts", failedClaims);
                failedClaims = 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failedClaims++;
                logger.LogWarning("Could not look for training jobs (attempt {Attempt}): {Reason}", failedClaims, ex.Message);
            }
            if (job is null)
            {
                try { await wakeUp.WaitAsync(ClaimDelay(failedClaims), stoppingToken); }
                catch (OperationCanceledException) { return; }
                continue;
            }
            await RunAsync(job, stoppingToken);
        }
    }

    /// <summary>The poll interval, doubling while claims fail, up to <see cref="LongestClaimBackoff"/> (or the poll interval if longer).</summary>
    private TimeSpan ClaimDelay(int failedClaims)
    {
        var poll = TimeSpan.FromSeconds(_options.PollSeconds);
        if (failedClaims == 0)
            return poll;
        var longest = poll > LongestClaimBackoff ? poll : LongestClaimBackoff;
        var doubled = poll * Math.Pow(2, Math.Min(failedClaims - 1, 10));
        return doubled < longest ? doubled : longest;
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
            var outcome = await TrainThroughOutagesAsync(trainer, job, checkpoint, lost);
            await lost.CancelAsync();
            await heartbeat;
            if (outcome is null)
                return;
            if (await TransientRetry.UntilAvailableAsync(ct => store.CompleteAsync(job.RunId, instance.Id, outcome, ct),
                    logger, $"Recording training run {job.RunId} as completed", stoppingToken))
            {
                File.Delete(checkpoint);
                await PublishAsync(new TrainingCompleted
                {
                    RunId = job.RunId, Kind = job.Kind, CompletedAt = DateTimeOffset.UtcNow, EpochsRun = outcome.EpochsRun,
                    Metrics = outcome.Metrics, RegisteredVersion = outcome.RegisteredVersion, Activated = outcome.Activated,
                });
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
            if (await TransientRetry.UntilAvailableAsync(ct => store.FailAsync(job.RunId, instance.Id, reason, ct),
                    logger, $"Recording training run {job.RunId} as failed", stoppingToken))
            {
                File.Delete(checkpoint);
                await PublishAsync(new TrainingFailed { RunId = job.RunId, Kind = job.Kind, FailedAt = DateTimeOffset.UtcNow, Reason = reason });
            }
        }
        finally
        {
            await lost.CancelAsync();
            await heartbeat;
        }
    }

    /// <summary>
    /// Trains; a transient failure (PostgreSQL or the broker down while the trainer reads data, registers or
    /// activates) pauses the run until PostgreSQL answers and the run is still this worker's, then trains again
    /// from the checkpoint, which after the last epoch only redoes the export and the registration (a version
    /// registered already is reused). Null when the run was taken over meanwhile.
    /// </summary>
    private async Task<TrainingOutcome?> TrainThroughOutagesAsync(IModelTrainer trainer, TrainingJob job, string checkpoint, CancellationTokenSource lost)
    {
        var progress = new BusTrainingProgress(bus, job, instance.Id, logger);
        for (var pause = 0; ; pause++)
        {
            try
            {
                return await trainer.TrainAsync(job, checkpoint, progress, lost.Token);
            }
            catch (Exception ex) when (TransientFailures.IsTransient(ex) && !lost.IsCancellationRequested)
            {
                logger.LogWarning("Training run {RunId} waits for a dependency ({Reason}); it goes on from its checkpoint when PostgreSQL answers and the run is still its own",
                    job.RunId, ex.Message);
                await Task.Delay(Backoff.Delay(pause), lost.Token);
                var held = await TransientRetry.UntilAvailableAsync(ct => store.HeartbeatAsync(job.RunId, instance.Id, ct),
                    logger, $"Checking that training run {job.RunId} is still held", lost.Token);
                if (!held)
                {
                    logger.LogWarning("Training run {RunId} was taken over while it waited; this worker leaves it", job.RunId);
                    return null;
                }
            }
        }
    }

    /// <summary>The run's state is in PostgreSQL already: an event the broker cannot take now is logged, not fatal.</summary>
    private async Task PublishAsync<T>(T message) where T : class
    {
        try
        {
            await bus.Publish(message, CancellationToken.None).WaitAsync(BusTrainingProgress.PublishTimeout);
        }
        catch (Exception ex)
        {
            logger.LogWarning("{Event} was not published: {Reason}", typeof(T).Name, ex.Message);
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
                    // PostgreSQL is down: the run goes on; a heartbeat missed for longer than StaleAfterSeconds
                    // lets another worker take the run over, and this one then stops it.
                    logger.LogWarning("Heartbeat of run {RunId} failed: {Reason}", job.RunId, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) { }
    }
}
