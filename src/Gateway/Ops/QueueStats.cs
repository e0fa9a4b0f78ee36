namespace iAyos.Messaging.Gateway.Ops;

/// <summary>One queue as the dashboard shows it.</summary>
/// <param name="Depth">Messages in the queue: ready for a consumer plus delivered and not yet acknowledged.</param>
/// <param name="PublishRate">Messages published into the queue per second (the broker's recent average).</param>
/// <param name="DeliverRate">Messages delivered to consumers per second (deliveries and gets).</param>
public sealed record QueueStats(
    string Name, long Depth, long MessagesReady, long MessagesUnacknowledged, int Consumers, double PublishRate, double DeliverRate);
