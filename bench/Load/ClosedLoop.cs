using System.Diagnostics;

namespace iAyos.Messaging.Load;

/// <summary>
/// Throughput: <c>connections</c> clients, each sending its next request as soon as the last is answered, until
/// the duration is up. Latency is counted from each send; the rate is what the server sustains.
/// </summary>
public static class ClosedLoop
{
    public static async Task<(TimeSpan Elapsed, int Requests)> RunAsync(LoadClient client, int connections, TimeSpan duration, LatencyReport? into, int first)
    {
        var clock = Stopwatch.StartNew();
        var next = first - 1;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
                await client.SendAsync(Interlocked.Increment(ref next), clock.Elapsed, clock, into);
        })));
        return (clock.Elapsed, next + 1 - first);
    }
}
