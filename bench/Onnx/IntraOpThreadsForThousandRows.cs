using BenchmarkDotNet.Attributes;
using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Bench;

/// <summary>1,000 rows of the price network with 1 or 2 intra-op threads: what picked <see cref="OnnxSessionOptions.IntraOpThreads"/>.</summary>
[MemoryDiagnoser]
public class IntraOpThreadsForThousandRows
{
    private OnnxSession _session = null!;
    private OnnxTensor _thousand = null!;

    [Params(1, 2)]
    public int IntraOpThreads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _session = OnnxSession.FromBytes(PriceLstmModel.Build(), new OnnxSessionOptions { IntraOpThreads = IntraOpThreads });
        var random = new Random(7);
        _thousand = new OnnxTensor(Enumerable.Range(0, 1000 * PriceLstmModel.Features).Select(_ => (float)random.NextDouble()).ToArray(), 1000, PriceLstmModel.Features);
    }

    [Benchmark]
    public float ThousandRows() => _session.Run("features", _thousand)[0].Data[0];

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();
}
