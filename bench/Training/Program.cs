using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using iAyos.Messaging.Training.Bench;

// In process: BenchmarkDotNet's generated project would reference the TrainingWorker (an ASP.NET Core app)
// without its framework reference, and its package graph (MassTransit) then fails to restore.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(TrainingEpoch).Assembly).Run(args, config);
