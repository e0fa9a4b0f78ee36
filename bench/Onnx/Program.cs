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
// In process: BenchmarkDotNet's generated project would reference the InferenceWorker (an ASP.NET Core app)
// without its framework reference, and its package graph (MassTransit) then fails to restore.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(InferenceLatency).Assembly).Run(args, config);
