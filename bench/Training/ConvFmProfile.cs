using System.Diagnostics;
using System.Runtime.Intrinsics;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Training.JobBoard.Networks;

namespace iAyos.Messaging.Training.Bench;

/// <summary>
/// Where a ConvFM training step (batch 32, the benchmark's shapes) spends its time: zeroing gradients, forward, loss,
/// backward, Adam, in microseconds, with gen0/1/2 collections. On a loaded machine the minimum over blocks of ten
/// steps is the stable figure (a block nobody preempted).
///   dotnet run -c Release --project bench/Training -- convfm-profile [steps]
/// </summary>
public static class ConvFmProfile
{
    public static int Run(string[] args)
    {
        var steps = args.Length > 0 ? int.Parse(args[0]) : 1000;
        const int block = 10;
        var random = new Random(42);
        var network = new ConvFmNetwork(ConvFmEpoch.Users, ConvFmEpoch.Jobs, ConvFmEpoch.Locations, ConvFmEpoch.Companies, ConvFmEpoch.Skills, ConvFmEpoch.MaxSkills, random);
        var (inputs, labels) = ConvFmEpoch.Data(steps * 32, random);
        var xs = Enumerable.Range(0, steps).Select(s => TensorRows.Slice(inputs, s * 32, 32)).ToArray();
        var ys = Enumerable.Range(0, steps).Select(s => TensorRows.Slice(labels, s * 32, 32)).ToArray();
        var adam = new Adam(network.Parameters);
        var loss = new BinaryCrossEntropy();
        var parts = new List<double[]>();
        var clock = new Stopwatch();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var wall = Stopwatch.StartNew();
        for (var s0 = 0; s0 + block <= steps; s0 += block)
        {
            var t = new double[5];
            for (var s = s0; s < s0 + block; s++)
            {
                clock.Restart(); network.ZeroGrad(); t[0] += clock.Elapsed.TotalMicroseconds;
                clock.Restart(); var p = network.Forward(xs[s], random); t[1] += clock.Elapsed.TotalMicroseconds;
                clock.Restart(); var (_, g) = loss.Compute(p, ys[s]); t[2] += clock.Elapsed.TotalMicroseconds;
                clock.Restart(); network.Backward(g); t[3] += clock.Elapsed.TotalMicroseconds;
                clock.Restart(); adam.Step(); t[4] += clock.Elapsed.TotalMicroseconds;
            }
            parts.Add([.. t.Select(v => v / block)]);
        }
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / steps;
        string Min(int i) => $"{parts.Skip(parts.Count / 5).Min(p => p[i]),6:F0}";
        var totals = parts.Skip(parts.Count / 5).Select(p => p.Sum()).Order().ToArray();
        Console.WriteLine($"us/step min: zero {Min(0)} fwd {Min(1)} loss {Min(2)} bwd {Min(3)} adam {Min(4)} | step min {totals[0]:F0} p25 {totals[totals.Length / 4]:F0} median {totals[totals.Length / 2]:F0}"
            + $" | GCs {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3} | wall {wall.Elapsed.TotalMilliseconds / steps * 1000:F0} cpu {cpuMs * 1000:F0} | v512 {Vector512.IsHardwareAccelerated}");
        return 0;
    }
}
