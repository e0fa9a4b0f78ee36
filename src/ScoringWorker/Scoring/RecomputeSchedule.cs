using iAyos.Messaging.Predictions.CleaningMarketplace;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Recommendations;
using MassTransit;

namespace iAyos.Messaging.ScoringWorker.Scoring;

/// <summary>
/// Sends <see cref="RecomputeCleanerScores"/> on a timer. A hosted timer rather than MassTransit's
/// scheduler: Debian's RabbitMQ has no delayed-message plugin. With several instances each sends its own;
/// the command queue takes one at a time and a recompute is idempotent, so that only costs a repeat.
/// </summary>
public sealed class RecomputeSchedule(IBus bus, ScoringOptions options, ILogger<RecomputeSchedule> logger) : BackgroundService
{
    /// <summary>PeriodicTimer refuses periods over about 49 days; a week is plenty for a "daily" job's knob.</summary>
    public const double MaxIntervalMinutes = 7 * 24 * 60;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.RecomputeIntervalMinutes <= 0)
            return; // disabled: recomputes come only from explicit commands
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Clamp(options.RecomputeIntervalMinutes, 1, MaxIntervalMinutes)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var endpoint = await bus.GetSendEndpoint(QueueNames.Address(QueueNames.ScoringCommands));
                await endpoint.Send(new RecomputeCleanerScores { RequestId = NewId.NextGuid(), RequestedAt = DateTimeOffset.UtcNow })
                    .WaitAsync(TimeSpan.FromSeconds(30), stoppingToken);
            }
            catch (Exception ex) when (ex is TimeoutException or MassTransitException)
            {
                logger.LogWarning("Could not send the scheduled score recompute: {Reason}", ex.Message);
            }
        }
    }
}
