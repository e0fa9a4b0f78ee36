using iAyos.Messaging.Contracts.ServiceJobs;
using MassTransit;

namespace iAyos.Messaging.Integration.Tests.ServiceJobs;

/// <summary>
/// Counts the deliveries of the given events a host has finished consuming, so a test knows that no copy of
/// them is still in flight (a late duplicate would otherwise rewrite rows the test has since removed).
/// </summary>
public sealed class ConsumedEvents(IReadOnlySet<Guid> eventIds) : IConsumeObserver
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is IServiceJobEvent e && eventIds.Contains(e.EventId))
            Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
