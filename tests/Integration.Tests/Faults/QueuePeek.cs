using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace iAyos.Messaging.Integration.Tests.Faults;

/// <summary>A message read from a queue and left there.</summary>
public sealed record PeekedMessage(string? MessageId, IDictionary<string, object?> Headers, string Body)
{
    public string Header(string name) =>
        Headers.TryGetValue(name, out var value) && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString() ?? "";
}

/// <summary>Reads what a queue holds without taking it: unacknowledged gets, then the channel closes and the broker requeues them.</summary>
public static class QueuePeek
{
    public static async Task<IReadOnlyList<PeekedMessage>> AllAsync(string queue)
    {
        await using var broker = await TestInfrastructure.BrokerAsync();
        await using var channel = await broker.CreateChannelAsync();
        var messages = new List<PeekedMessage>();
        try
        {
            for (var message = await channel.BasicGetAsync(queue, autoAck: false);
                 message is not null;
                 message = await channel.BasicGetAsync(queue, autoAck: false))
            {
                messages.Add(new PeekedMessage(message.BasicProperties.MessageId,
                    message.BasicProperties.Headers ?? new Dictionary<string, object?>(), Encoding.UTF8.GetString(message.Body.Span)));
            }
        }
        catch (OperationInterruptedException)
        {
            // No such queue: MassTransit declares an error queue on its first fault.
        }
        return messages;
    }

    /// <summary>The messages of <paramref name="queue"/> whose body mentions <paramref name="text"/> (an id).</summary>
    public static async Task<IReadOnlyList<PeekedMessage>> MentioningAsync(string queue, string text) =>
        (await AllAsync(queue)).Where(m => m.Body.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
}
