using MassTransit;

namespace iAyos.Messaging.Integration.Tests;

/// <summary>Completes when a host has finished consuming the message with the given id (successfully or not).</summary>
public sealed class ConsumedObserver<T>(Guid messageId) : IConsumeMessageObserver<T> where T : class
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Consumed => _done.Task;

    public Task PreConsume(ConsumeContext<T> context) => Task.CompletedTask;

    public Task PostConsume(ConsumeContext<T> context)
    {
        if (context.MessageId == messageId)
            _done.TrySetResult();
        return Task.CompletedTask;
    }

    public Task ConsumeFault(ConsumeContext<T> context, Exception exception)
    {
        if (context.MessageId == messageId)
            _done.TrySetException(exception);
        return Task.CompletedTask;
    }
}
