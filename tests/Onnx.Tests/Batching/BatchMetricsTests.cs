using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using iAyos.Messaging.Onnx.Batching;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;

namespace iAyos.Messaging.Onnx.Tests.Batching;

public class BatchMetricsTests
{
    private static OnnxSession Identity() =>
        OnnxSession.FromBytes(new OnnxGraphBuilder("identity")
            .AddInput("x", null, 3)
            .AddNode("Identity", ["x"], ["y"])
            .AddOutput("y", null, 3)
            .ToModelBytes());

    [Fact]
    public async Task A_batched_run_records_its_rows_and_its_runtime_seconds()
    {
        using var rows = new Recorder<int>(BatchMetrics.RowsName);
        using var seconds = new Recorder<double>(BatchMetrics.RunDurationName);
        var model = Identity();
        await using var runner = new MicroBatchingModelRunner(maxBatchSize: 37, maxDelayMicroseconds: 5_000_000);

        // 37 rows of width 3: other tests of this assembly never run a batch of that size.
        await Task.WhenAll(Enumerable.Range(0, 37).Select(i => runner.RunAsync(model, "x", "y", [i, i, i])));

        Assert.Contains(37, rows.Values);
        Assert.NotEmpty(seconds.Values);
        Assert.All(seconds.Values, s => Assert.True(s >= 0));
    }

    /// <summary>Every measurement of one instrument of <see cref="BatchMetrics.MeterName"/> while it lives.</summary>
    private sealed class Recorder<T> : IDisposable where T : struct
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<T> _values = new();

        public Recorder(string instrument)
        {
            _listener.InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == BatchMetrics.MeterName && i.Name == instrument) l.EnableMeasurementEvents(i);
            };
            _listener.SetMeasurementEventCallback<T>((_, value, _, _) => _values.Enqueue(value));
            _listener.Start();
        }

        public IReadOnlyCollection<T> Values => _values.ToArray();

        public void Dispose() => _listener.Dispose();
    }
}
