using iAyos.Messaging.Contracts.Training;
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
