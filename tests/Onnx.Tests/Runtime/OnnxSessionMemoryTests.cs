using System.Diagnostics;
using System.Runtime.InteropServices;
using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Tests.Runtime;

[CollectionDefinition(Name, DisableParallelization = true)]
public class MemoryMeasurement
{
    public const string Name = "Memory measurement (runs alone)";
}

[Collection(MemoryMeasurement.Name)]
public class OnnxSessionMemoryTests
{
    [Fact]
    public void Ten_thousand_runs_leave_process_and_native_memory_where_they_were()
    {
        // 64 x 256 floats in and out: 64 KiB an output, so a leaked output alone would be 640 MB of resident memory.
        const int batch = 64, width = 256, runs = 10_000;
        const long residentLimit = 20 << 20, heapLimit = 1 << 20;
        using var session = OnnxSession.FromBytes(TestModels.AddConstant(width));
        var input = new OnnxTensor(TestModels.Sequence(batch * width), batch, width);

        (long Resident, long Heap) RunMany(int count)
        {
            var before = Measure();
            for (var i = 0; i < count; i++)
            {
                var y = session.Run("x", input)[0];
                if (y.Data.Length != batch * width) throw new InvalidOperationException("wrong output size");
            }
            var after = Measure();
            return (after.Rss - before.Rss, after.NativeHeap - before.NativeHeap);
        }

        RunMany(runs); // warm-up: ONNX Runtime's arena, glibc's arenas and the JIT reach their steady size
        var growth = RunMany(runs);
        // The JIT's tier-up lands at times, not per run, and can put a one-off step of a few hundred KiB into a
        // window; a leak repeats in every window. So a window over the limit gets one more window to prove itself.
        var first = growth;
        if (growth.Resident >= residentLimit || growth.Heap >= heapLimit) growth = RunMany(runs);

        Assert.True(growth.Resident < residentLimit,
            $"resident memory grew by {growth.Resident / 1024} KiB over {runs} runs (first window: {first.Resident / 1024} KiB)");
        // A leaked input or output OrtValue is ~250 bytes of bookkeeping: 2.5 MB over 10,000 runs.
        if (NativeHeapInUse() >= 0)
            Assert.True(growth.Heap < heapLimit,
                $"the native heap grew by {growth.Heap / 1024} KiB over {runs} runs (first window: {first.Heap / 1024} KiB)");
    }

    private static (long Rss, long NativeHeap) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, NativeHeapInUse());
    }

    /// <summary>Bytes glibc's malloc has handed out and not had back (mallinfo2: uordblks + hblkhd); -1 without glibc.</summary>
    private static long NativeHeapInUse()
    {
        if (!OperatingSystem.IsLinux()) return -1;
        try
        {
            var info = mallinfo2();
            return (long)(info.uordblks + info.hblkhd);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MallInfo2
    {
        public nuint arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    private static extern MallInfo2 mallinfo2();
}
