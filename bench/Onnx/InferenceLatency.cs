using BenchmarkDotNet.Attributes;
using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Bench;

/// <summary>One run of the price network through the Microsoft.ML.OnnxRuntime package, for one row and for a batch of
/// 1,000, with 1 or 2 intra-op threads: what picked <see cref="OnnxSessionOptions.IntraOpThreads"/>.</summary>
[MemoryDiagnoser]
public class InferenceLatency
{
    private OnnxSession _session = null!;
    private OnnxTensor _one = null!;
    private OnnxTensor _thousand = null!;

    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _session = OnnxSession.FromBytes(PriceLstmModel.Build(), new OnnxSessionOptions { IntraOpThreads = IntraOpThreads });
        var random = new Random(7);
        float[] Rows(int n) => Enumerable.Range(0, n * PriceLstmModel.Features).Select(_ => (float)random.NextDouble()).ToArray();
        _one = new OnnxTensor(Rows(1), 1, PriceLstmModel.Features);
        _thousand = new OnnxTensor(Rows(1000), 1000, PriceLstmModel.Features);
    }

    [Benchmark(Baseline = true)]
    public float SingleRow() => _session.Run("features", _one)[0].Data[0];

    [Benchmark]
    public float ThousandRows() => _session.Run("features", _thousand)[0].Data[0];

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();
}
