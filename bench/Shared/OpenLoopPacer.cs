using System.Diagnostics;
using System.Runtime.InteropServices;

namespace iAyos.Messaging.Bench;

/// <summary>
/// Open loop at a fixed rate: request i is due at i / rate seconds and is sent then, from a thread of its own, whatever
/// earlier requests are doing. Latency counts from when a request was due, so a stalled server shows in the percentiles
/// (no coordinated omission). The thread sleeps with clock_nanosleep, to within tens of microseconds: Task.Delay wakes
/// a millisecond late on average, and that lateness would be counted as the server's latency.
/// </summary>
public static class OpenLoopPacer
{
    /// <param name="send">Sends request i (0-based), due at the given time on the run's clock (also given).
    /// It runs on the pacing thread until its first await, so it must not block.</param>
    public static async Task<TimeSpan> RunAsync(int rate, TimeSpan duration, Func<int, TimeSpan, Stopwatch, Task> send)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var sent = new Task[total];
        var clock = Stopwatch.StartNew();
        var paced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < total; i++)
                {
                    var due = TimeSpan.FromSeconds((double)i / rate);
                    SleepFor(due - clock.Elapsed);
                    sent[i] = send(i, due, clock);
                }
                paced.SetResult();
            }
            catch (Exception ex)
            {
                paced.SetException(ex);
            }
        }) { IsBackground = true, Name = "open-loop pacer", Priority = ThreadPriority.AboveNormal };
        pacer.Start();
        await paced.Task;
        await Task.WhenAll(sent);
        return clock.Elapsed;
    }

    private static void SleepFor(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
            return;
        if (!OperatingSystem.IsLinux())
        {
            Thread.Sleep(wait);
            return;
        }
        var ticks = wait.Ticks;
        var request = new TimeSpec { Seconds = ticks / TimeSpan.TicksPerSecond, Nanoseconds = ticks % TimeSpan.TicksPerSecond * 100 };
        // EINTR (a signal) only ends this sleep early; the next request's wait makes up for it.
        _ = clock_nanosleep(ClockMonotonic, 0, in request, IntPtr.Zero);
    }

    private const int ClockMonotonic = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_nanosleep(int clockId, int flags, in TimeSpec request, IntPtr remaining);
}
