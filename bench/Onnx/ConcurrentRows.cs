using BenchmarkDotNet.Attributes;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Onnx.Runtime;
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
    private Binding.BindingModel _bindingModel = null!;
    private Binding.BindingMicroBatchingRunner _bindingMicro = null!;

    [Params(1, 16, 64)]
    public int Requests { get; set; }

    [Params("binding", "package")]
    public string Implementation { get; set; } = "package";

    [GlobalSetup]
    public void Setup()
    {
        _model = new LoadedModel("price-budget", 1, "bench", OnnxSession.FromBytes(PriceLstmModel.Build()), DateTimeOffset.UtcNow);
        _direct = new DirectModelRunner();
        _micro = new MicroBatchingModelRunner(Options.Create(new BatchingOptions { MaxBatchSize = 64 }), NullLogger<MicroBatchingModelRunner>.Instance);
        _bindingModel = new Binding.BindingModel("price-budget", 1, Binding.OnnxSession.FromBytes(PriceLstmModel.Build()));
        _bindingMicro = new Binding.BindingMicroBatchingRunner(Options.Create(new BatchingOptions { MaxBatchSize = 64 }), NullLogger<Binding.BindingMicroBatchingRunner>.Instance);
        var random = new Random(7);
        _rows = Enumerable.Range(0, Requests)
            .Select(_ => Enumerable.Range(0, PriceLstmModel.Features).Select(_ => (float)random.NextDouble()).ToArray())
            .ToArray();
    }

    [Benchmark(Baseline = true)]
    public Task Unbatched() => Implementation == "binding"
        ? Task.WhenAll(_rows.Select(r => Task.Run(() => Binding.BindingModelBatch.Run(_bindingModel, "features", "prices", [r])[0])))
        : Task.WhenAll(_rows.Select(r => Task.Run(() => _direct.RunAsync(_model, "features", "prices", r))));

    [Benchmark]
    public Task MicroBatched() => Implementation == "binding"
        ? Task.WhenAll(_rows.Select(r => Task.Run(() => _bindingMicro.RunAsync(_bindingModel, "features", "prices", r))))
        : Task.WhenAll(_rows.Select(r => Task.Run(() => _micro.RunAsync(_model, "features", "prices", r))));

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _micro.DisposeAsync();
        await _bindingMicro.DisposeAsync();
        _bindingModel.Session.Dispose();
        _model.Session.Dispose();
    }
}
