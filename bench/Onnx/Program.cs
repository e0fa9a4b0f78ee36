using BenchmarkDotNet.Running;
using iAyos.Messaging.Onnx.Bench;

// "write-model PATH" saves the benchmarked price network, e.g. to register it and load-test serving.
if (args is ["write-model", var path])
{
    File.WriteAllBytes(path, PriceLstmModel.Build());
    Console.WriteLine($"wrote {path}");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
