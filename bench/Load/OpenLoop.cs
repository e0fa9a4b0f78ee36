using System.Diagnostics;

namespace iAyos.Messaging.Load;

/// <summary>
/// Fixed rate: request i is due at start + i / rate whatever earlier requests are doing, and its latency is
/// counted from when it was due, so a stalled server shows up in the percentiles (no coordinated omission).
/// </summary>
public static class OpenLoop
{
    public static async Task<(TimeSpan Elapsed, int Requests)> RunAsync(LoadClient client, int rate, TimeSpan duration, LatencyReport? into, int first)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var clock = Stopwatch.StartNew();
        var inFlight = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            inFlight.Add(client.SendAsync(first + i, due, clock, into));
        }
        await Task.WhenAll(inFlight);
        return (clock.Elapsed, total);
    }
}
