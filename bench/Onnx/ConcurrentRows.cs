using BenchmarkDotNet.Attributes;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.PriceBudget;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Onnx.Bench;

/// <summary>
/// What the InferenceWorker's micro-batcher buys on the model alone: N requests arriving at once, each with
/// one row of the price network, answered by N separate runs (batching off) or by the batcher's shared runs.
/// </summary>
[MemoryDiagnoser]
public class ConcurrentRows
{
    private LoadedModel _model = null!;
    private DirectModelRunner _direct = null!;
    private MicroBatchingModelRunner _micro = null!;
    private float[][] _rows = null!;

    [Params(1, 16, 64)]
    public int Requests { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _model = new LoadedModel("price-budget", 1, "bench", OnnxSession.FromBytes(PriceLstmModel.Build()), DateTimeOffset.UtcNow,
            new PriceFeatureSpec { InputName = "features", OutputName = "prices" });
        _direct = new DirectModelRunner();
        _micro = new MicroBatchingModelRunner(Options.Create(new BatchingOptions { MaxBatchSize = 64 }), NullLogger<MicroBatchingModelRunner>.Instance);
        var random = new Random(7);
        _rows = Enumerable.Range(0, Requests)
            .Select(_ => Enumerable.Range(0, PriceLstmModel.Features).Select(_ => (float)random.NextDouble()).ToArray())
            .ToArray();
    }

    [Benchmark(Baseline = true)]
    public Task Unbatched() => Task.WhenAll(_rows.Select(r => Task.Run(() => _direct.RunAsync(_model, "features", "prices", r))));

    [Benchmark]
    public Task MicroBatched() => Task.WhenAll(_rows.Select(r => Task.Run(() => _micro.RunAsync(_model, "features", "prices", r))));

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _micro.DisposeAsync();
        _model.Session.Dispose();
    }
}
