namespace iAyos.Messaging.Platform.Bus;

/// <summary>
/// How long to wait before trying a dependency again: 100 ms, doubling, at most 5 s. Waits happen in the
/// process (Debian's RabbitMQ has no delayed-message plugin to hold a message for us).
/// </summary>
public static class Backoff
{
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first).</summary>
    public static TimeSpan Delay(int retry) =>
        retry >= 6 ? Longest : TimeSpan.FromTicks(Math.Min(First.Ticks << Math.Max(retry, 0), Longest.Ticks));

    /// <summary>The first <paramref name="retries"/> waits: 100 ms, 200 ms, 400 ms, ... 5 s, 5 s.</summary>
    public static TimeSpan[] Schedule(int retries) => Enumerable.Range(0, retries).Select(Delay).ToArray();
}
