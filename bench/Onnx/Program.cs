using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using iAyos.Messaging.Onnx.Bench;

// "write-model PATH" saves the benchmarked price network, e.g. to register it and load-test serving.
if (args is ["write-model", var path])
{
    File.WriteAllBytes(path, PriceLstmModel.Build());
    Console.WriteLine($"wrote {path}");
    return;
}
// In process, as the README's figures were measured: no generated project to restore and build per run.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(InferenceLatency).Assembly).Run(args, config);
