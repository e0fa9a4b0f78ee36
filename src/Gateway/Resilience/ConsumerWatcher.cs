using iAyos.Messaging.Platform.Bus;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace iAyos.Messaging.Gateway.Resilience;

/// <summary>
/// Reads the consumer count of every request path's queue over its own AMQP connection (a passive declare,
/// which RabbitMQ answers from the queue process itself, unlike the management API's 5 s statistics) and
/// tells each breaker whether workers are there. A SIGKILLed worker's TCP connection is closed by the kernel,
/// so its queue shows no consumer at the next poll: measured within one poll (50 ms), against the 2 s request timeout.
/// Paths with no recent request are read once a second instead (<see cref="WatchSchedule"/>), and at once when a
/// request comes to one, so the broker's work does not grow with paths that nobody uses.
/// </summary>
public sealed class ConsumerWatcher(
    CircuitBreakers breakers,
    WatchedQueues queues,
    RabbitMqOptions rabbit,
    IOptions<CircuitBreakerOptions> options,
    TimeProvider clock,
    ILogger<ConsumerWatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WatchConsumers)
            return;
        var interval = TimeSpan.FromMilliseconds(Math.Max(10, options.Value.WatchIntervalMs));
        var factory = rabbit.NewConnectionFactory("gateway-consumer-watcher", TimeSpan.FromSeconds(2));
        factory.RequestedHeartbeat = TimeSpan.FromSeconds(5);
        // Reconnection is ours: each failure must reach the breakers at once.
        factory.AutomaticRecoveryEnabled = false;
        var reportedDown = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync(stoppingToken);
                if (reportedDown)
                    logger.LogInformation("Consumer watcher reconnected to RabbitMQ");
                reportedDown = false;
                await WatchAsync(connection, interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                foreach (var queue in queues.Names)
                    breakers.For(queue).WorkersGone(FallbackReasons.BrokerUnreachable);
                if (!reportedDown)
                    logger.LogWarning("Consumer watcher cannot reach RabbitMQ ({Error}); every path answers at once until it can", ex.GetType().Name);
                reportedDown = true;
                await Task.Delay(ReconnectDelay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task WatchAsync(IConnection connection, TimeSpan interval, CancellationToken ct)
    {
        IChannel? channel = null;
        var schedule = new WatchSchedule(breakers, queues.Names, options.Value, clock);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                foreach (var queue in schedule.Due())
                {
                    channel ??= await connection.CreateChannelAsync(cancellationToken: ct);
                    uint consumers;
                    try
                    {
                        consumers = (await channel.QueueDeclarePassiveAsync(queue, ct)).ConsumerCount;
                    }
                    catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
                    {
                        // The queue does not exist yet: no worker of that path has ever started. The broker closed the channel.
                        consumers = 0;
                        await channel.DisposeAsync();
                        channel = null;
                    }
                    schedule.Read(queue);
                    var breaker = breakers.For(queue);
                    if (consumers == 0)
                        breaker.WorkersGone(FallbackReasons.NoWorker);
                    else
                        breaker.WorkersPresent();
                }
                await breakers.WaitForIdlePathUseAsync(interval, ct);
            }
        }
        finally
        {
            if (channel is not null)
                await channel.DisposeAsync();
        }
    }
}

/// <summary>The queues whose consumers the <see cref="ConsumerWatcher"/> reads: every request path's.</summary>
public sealed record WatchedQueues(IReadOnlyList<string> Names);
