using System.Diagnostics;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Layers;

namespace iAyos.Messaging.Training.Bench;

/// <summary>
/// Forward and backward time of each of ConvFM's layers at batch 32 (and of 4,096 Random.NextDouble draws, what
/// dropout pays for), as this thread's CPU time, the minimum over blocks: steadier than wall time on a shared machine.
///   dotnet run -c Release --project bench/Training -- layers      (DOTNET_PROCESSOR_COUNT=1 for one core)
/// </summary>
public static class LayerProfile
{
    public static int Run(string[] args)
    {
        var r = new Random(1);
        var best = double.MaxValue;
        for (var blockIndex = 0; blockIndex < 40; blockIndex++)
        {
            var c0 = ThreadCpu.Microseconds();
            double sink = 0;
            for (var i = 0; i < 4096; i++) sink += r.NextDouble();
            best = Math.Min(best, ThreadCpu.Microseconds() - c0);
            if (sink < 0) Console.WriteLine();
        }
        Console.WriteLine($"4096 NextDouble {best:F1} us");
        Time("conv", new Conv1D("c", 64, 64, 3, Conv1DPadding.Same, r), Rand(r, 32, 5, 64));
        Time("dense384", new Dense("d", 384, 128, r), Rand(r, 32, 384));
        Time("dense128", new Dense("d", 128, 64, r), Rand(r, 32, 128));
        Time("bn128", new BatchNormalization("b", 128), Rand(r, 32, 128));
        Time("bn64", new BatchNormalization("b", 64), Rand(r, 32, 64));
        Time("bn32", new BatchNormalization("b", 32), Rand(r, 32, 32));
        Time("dense64", new Dense("d", 64, 32, r), Rand(r, 32, 64));
        Time("relu128", new Activation("a", ActivationKind.Relu), Rand(r, 32, 128));
        Time("drop128", new Dropout("a", 0.2), Rand(r, 32, 128));
        Time("relu5x64", new Activation("a", ActivationKind.Relu), Rand(r, 32, 5, 64));
        Time("sigm", new Activation("a", ActivationKind.Sigmoid), Rand(r, 32, 1));
        Time("fm", new FactorizationMachine("f", 5, 64), Rand(r, 32, 5, 64));
        Time("pool", new GlobalAveragePooling1D("p"), Rand(r, 32, 5, 64));
        var ids = Tensor.Zeros(32, 1); for (var i = 0; i < 32; i++) ids.Data[i] = r.Next(5000);
        Time("emb", new Embedding("e", 5000, 64, r), ids);
        var bag = Tensor.Zeros(32, 10); for (var i = 0; i < 320; i++) bag.Data[i] = r.Next(500);
        Time("bag", new MeanEmbeddingBag("e", 500, 64, r), bag);
        return 0;
    }

    private static Tensor Rand(Random r, params int[] shape)
    {
        var t = Tensor.Zeros(shape);
        for (var i = 0; i < t.Length; i++) t.Data[i] = (float)(r.NextDouble() - 0.5);
        return t;
    }

    private static void Time(string name, ILayer layer, Tensor x)
    {
        var random = new Random(2);
        var y = layer.Forward(x, random);
        for (var i = 0; i < 300; i++) layer.Backward(layer.Forward(x, random));
        double f = double.MaxValue, b = double.MaxValue;
        for (var blockIndex = 0; blockIndex < 40; blockIndex++)
        {
            var c = ThreadCpu.Microseconds();
            for (var i = 0; i < 20; i++) layer.Forward(x, random);
            f = Math.Min(f, (ThreadCpu.Microseconds() - c) / 20);
            c = ThreadCpu.Microseconds();
            for (var i = 0; i < 20; i++) layer.Backward(y);
            b = Math.Min(b, (ThreadCpu.Microseconds() - c) / 20);
        }
        Console.WriteLine($"{name,-10} forward {f,7:F1} us  backward {b,7:F1} us");
    }
}

/// <summary>This thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)): on a loaded machine, time spent waiting
/// for a core does not count.</summary>
public static partial class ThreadCpu
{
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    public static double Microseconds()
    {
        ClockGetTime(3, out var t);
        return t.Seconds * 1e6 + t.Nanoseconds / 1e3;
    }
}
