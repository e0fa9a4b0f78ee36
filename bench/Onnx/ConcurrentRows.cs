using BenchmarkDotNet.Attributes;
using iAyos.Messaging.Onnx.Batching;
using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Bench;

/// <summary>
/// What the micro-batcher the InferenceWorker uses buys on the model alone: N requests arriving at once, each with
/// one row of the price network, answered by N separate runs (batching off) or by the batcher's shared runs.
/// </summary>
[MemoryDiagnoser]
public class ConcurrentRows
{
    private OnnxSession _session = null!;
    private DirectModelRunner _direct = null!;
    private MicroBatchingModelRunner _micro = null!;
    private float[][] _rows = null!;

    [Params(1, 16, 64)]
    public int Requests { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _session = OnnxSession.FromBytes(PriceLstmModel.Build());
        _direct = new DirectModelRunner();
        _micro = new MicroBatchingModelRunner(maxBatchSize: 64);
        var random = new Random(7);
        _rows = Enumerable.Range(0, Requests)
            .Select(_ => Enumerable.Range(0, PriceLstmModel.Features).Select(_ => (float)random.NextDouble()).ToArray())
            .ToArray();
    }

    [Benchmark(Baseline = true)]
    public Task Unbatched() => Task.WhenAll(_rows.Select(r => Task.Run(() => _direct.RunAsync(_session, "features", "prices", r))));

    [Benchmark]
    public Task MicroBatched() => Task.WhenAll(_rows.Select(r => Task.Run(() => _micro.RunAsync(_session, "features", "prices", r))));

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _micro.DisposeAsync();
        _session.Dispose();
    }
}
