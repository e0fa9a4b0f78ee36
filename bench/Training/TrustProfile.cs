using System.Diagnostics;
using iAyos.Messaging.Engine;
using iAyos.Messaging.Engine.Losses;
using iAyos.Messaging.Engine.Optimizers;
using iAyos.Messaging.Engine.Training;

namespace iAyos.Messaging.Training.Bench;

/// <summary>
/// Where a trust training step (batch 32, the benchmark's shapes) spends its time: each layer's forward and backward,
/// the loss, zeroing gradients and Adam (with its clipping), in microseconds; the minimum over blocks of ten steps
/// (a block nobody preempted), with gen0/1/2 collections. On one core (DOTNET_PROCESSOR_COUNT=1) it times this thread's
/// CPU time, which time spent waiting for a core on a loaded machine does not inflate; otherwise wall time.
///   dotnet run -c Release --project bench/Training -- trust-profile [steps]
/// </summary>
public static class TrustProfile
{
    public static int Run(string[] args)
    {
        var steps = args.Length > 0 ? int.Parse(args[0]) : 400;
        const int block = 10, batch = 32;
        var random = new Random(42);
        var network = TrustEpoch.Build(random);
        var (inputs, labels) = TrustEpoch.Data(steps * batch, random);
        var xs = Enumerable.Range(0, steps).Select(s => TensorRows.Slice(inputs, s * batch, batch)).ToArray();
        var ys = Enumerable.Range(0, steps).Select(s => TensorRows.Slice(labels, s * batch, batch)).ToArray();
        var adam = new Adam(network.Parameters, learningRate: 1e-3, weightDecay: 1e-5, globalClipNorm: 1.0);
        var loss = new BinaryCrossEntropy();
        var layers = network.Layers;
        var names = new List<string> { "zero" };
        names.AddRange(layers.Select(l => l.Name + ">"));
        names.Add("loss");
        names.AddRange(layers.Reverse().Select(l => "<" + l.Name));
        names.Add("adam");
        var parts = new List<double[]>();
        var clock = new PartClock(Environment.ProcessorCount == 1);
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var wall = Stopwatch.StartNew();
        for (var s0 = 0; s0 + block <= steps; s0 += block)
        {
            var t = new double[names.Count];
            for (var s = s0; s < s0 + block; s++)
            {
                var k = 0;
                clock.Restart(); network.ZeroGrad(); t[k++] += clock.Microseconds;
                var x = xs[s];
                foreach (var layer in layers) { clock.Restart(); x = layer.Forward(x, random); t[k++] += clock.Microseconds; }
                clock.Restart(); var (_, g) = loss.Compute(x, ys[s]); t[k++] += clock.Microseconds;
                for (var i = layers.Count - 1; i >= 0; i--)
                {
                    clock.Restart();
                    // As the training loop does: the first layer skips the input gradient.
                    if (i == 0 && layers[0] is IParameterGradientsOnly first) first.BackwardParameters(g);
                    else g = layers[i].Backward(g);
                    t[k++] += clock.Microseconds;
                }
                clock.Restart(); adam.Step(); t[k++] += clock.Microseconds;
            }
            parts.Add([.. t.Select(v => v / block)]);
        }
        var kept = parts.Skip(parts.Count / 5).ToArray();
        for (var i = 0; i < names.Count; i++) Console.WriteLine($"{names[i],-14} {kept.Min(p => p[i]),8:F0} us");
        var totals = kept.Select(p => p.Sum()).Order().ToArray();
        Console.WriteLine($"step min {totals[0]:F0} median {totals[totals.Length / 2]:F0} us (x{(4200 + batch - 1) / batch} = {totals[0] * ((4200 + batch - 1) / batch) / 1e6:F2} s/epoch at best)"
            + $" | GCs {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3} | wall {wall.Elapsed.TotalMilliseconds / steps * 1000:F0} us/step");
        return 0;
    }

    /// <summary>Microseconds since the last Restart: this thread's CPU time, or wall time.</summary>
    private sealed class PartClock(bool threadCpu)
    {
        private readonly Stopwatch _wall = new();
        private double _start;

        public void Restart()
        {
            if (threadCpu) _start = ThreadCpu.Microseconds();
            else _wall.Restart();
        }

        public double Microseconds => threadCpu ? ThreadCpu.Microseconds() - _start : _wall.Elapsed.TotalMicroseconds;
    }
}
