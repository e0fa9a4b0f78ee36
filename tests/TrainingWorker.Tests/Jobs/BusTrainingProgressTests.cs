using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Platform.Metrics;
using iAyos.Messaging.TrainingWorker.Jobs;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;

namespace iAyos.Messaging.TrainingWorker.Tests.Jobs;

public class BusTrainingProgressTests
{
    private static readonly TrainingJob Job = new(Guid.NewGuid(), "price-budget", new TrainingParameters(), 1, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_broker_that_is_down_costs_one_wait_and_never_fails_the_run()
    {
        var broker = new Broker(failing: int.MaxValue);
        var progress = new BusTrainingProgress(broker, Job, "training-test", NullLogger.Instance,
            publishTimeout: TimeSpan.FromMilliseconds(50), quietAfterFailure: TimeSpan.FromHours(1));

        await progress.StartedAsync(350, 75, 76, 0);
        for (var epoch = 1; epoch <= 40; epoch++)
            await progress.EpochAsync(epoch, 1.0, 1.0, 0.001, 0.1);

        Assert.Equal(1, broker.Attempts);
        Assert.Empty(broker.Published);
    }

    [Fact]
    public async Task Reports_are_published_again_once_the_broker_takes_them()
    {
        var broker = new Broker(failing: 2);
        var progress = new BusTrainingProgress(broker, Job, "training-test", NullLogger.Instance,
            publishTimeout: TimeSpan.FromMilliseconds(50), quietAfterFailure: TimeSpan.Zero);

        for (var epoch = 1; epoch <= 5; epoch++)
            await progress.EpochAsync(epoch, 1.0, 1.0, 0.001, 0.1);

        Assert.Equal([3, 4, 5], broker.Published.Cast<TrainingEpochCompleted>().Select(e => e.Epoch));
    }

    [Fact]
    public async Task Each_epoch_sets_the_loss_gauges_by_kind_and_split_even_when_the_broker_is_down()
    {
        // A kind of its own, so runs of other tests in this assembly do not mix in.
        var job = Job with { Kind = "metrics-test-kind" };
        var losses = new ConcurrentQueue<(double Value, string Split)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == MeterNames.Training && i.Name == TrainingMetrics.LossName) l.EnableMeasurementEvents(i);
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            var kind = tags.ToArray().Single(t => t.Key == "kind").Value as string;
            if (kind == job.Kind) losses.Enqueue((value, (string)tags.ToArray().Single(t => t.Key == "split").Value!));
        });
        listener.Start();
        var progress = new BusTrainingProgress(new Broker(failing: int.MaxValue), job, "training-test", NullLogger.Instance,
            publishTimeout: TimeSpan.FromMilliseconds(50), quietAfterFailure: TimeSpan.FromHours(1));

        await progress.EpochAsync(1, 0.75, 0.5, 0.001, 0.1);
        await progress.EpochAsync(2, 0.25, double.NaN, 0.001, 0.1);

        Assert.Equal([(0.75, TrainingMetrics.TrainSplit), (0.5, TrainingMetrics.ValidationSplit), (0.25, TrainingMetrics.TrainSplit)], losses);
    }

    /// <summary>Hangs the first <c>failing</c> publishes until they are cancelled, as MassTransit waits for a broker that is down.</summary>
    private sealed class Broker(int failing) : IPublishEndpoint
    {
        public int Attempts { get; private set; }
        public List<object> Published { get; } = [];

        public async Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class
        {
            if (++Attempts <= failing)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            Published.Add(message);
        }

        public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => throw new NotSupportedException();
        public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class => throw new NotSupportedException();
        public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class => throw new NotSupportedException();
        public Task Publish(object message, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task Publish(object message, Type messageType, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public Task Publish<T>(object values, CancellationToken cancellationToken = default) where T : class => throw new NotSupportedException();
        public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default) where T : class => throw new NotSupportedException();
        public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) where T : class => throw new NotSupportedException();
    }
}
