using iAyos.Messaging.Bench;

namespace iAyos.Messaging.Load;

/// <summary>Fixed rate, paced by <see cref="OpenLoopPacer"/>: latency counts from when each request was due.</summary>
public static class OpenLoop
{
    public static async Task<(TimeSpan Elapsed, int Requests)> RunAsync(LoadClient client, int rate, TimeSpan duration, LatencyReport? into, int first)
    {
        var elapsed = await OpenLoopPacer.RunAsync(rate, duration, (i, due, clock) => client.SendAsync(first + i, due, clock, into));
        return (elapsed, (int)(rate * duration.TotalSeconds));
    }
}
