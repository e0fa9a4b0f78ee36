using BenchmarkDotNet.Attributes;
using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Bench;

/// <summary>One run of the price network, for one row and for a batch of 1,000: old binding vs package (TEMPORARY params).</summary>
[MemoryDiagnoser]
public class InferenceLatency
{
    private Func<float> _single = null!, _thousand = null!;
    private Action _cleanup = null!;

    [Params("binding", "package")]
    public string Implementation { get; set; } = "package";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        float[] Rows(int n) => Enumerable.Range(0, n * PriceLstmModel.Features).Select(_ => (float)random.NextDouble()).ToArray();
        var one = Rows(1);
        var thousand = Rows(1000);
        if (Implementation == "binding")
        {
            var session = Binding.OnnxSession.FromBytes(PriceLstmModel.Build());
            var t1 = new Binding.OnnxTensor(one, 1, PriceLstmModel.Features);
            var t1000 = new Binding.OnnxTensor(thousand, 1000, PriceLstmModel.Features);
            _single = () => session.Run("features", t1)[0].Data[0];
            _thousand = () => session.Run("features", t1000)[0].Data[0];
            _cleanup = session.Dispose;
        }
        else
        {
            var session = OnnxSession.FromBytes(PriceLstmModel.Build());
            var t1 = new OnnxTensor(one, 1, PriceLstmModel.Features);
            var t1000 = new OnnxTensor(thousand, 1000, PriceLstmModel.Features);
            _single = () => session.Run("features", t1)[0].Data[0];
            _thousand = () => session.Run("features", t1000)[0].Data[0];
            _cleanup = session.Dispose;
        }
    }

    [Benchmark(Baseline = true)]
    public float SingleRow() => _single();

    [Benchmark]
    public float ThousandRows() => _thousand();

    [GlobalCleanup]
    public void Cleanup() => _cleanup();
}
