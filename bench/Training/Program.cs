using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using iAyos.Messaging.Training.Bench;

// `convfm`: a plain timing of ConvFM epochs beside torch's (scripts/bench-convfm.sh), not a BenchmarkDotNet run.
if (args.Length > 0 && args[0] == "convfm") return ConvFmEpoch.Run(args[1..]);
if (args.Length > 0 && args[0] == "fingerprint") return Fingerprint.Run(args[1..]);
if (args.Length > 0 && args[0] == "layers") return LayerProfile.Run(args[1..]);
if (args.Length > 0 && args[0] == "convfm-profile") return ConvFmProfile.Run(args[1..]);

// In process: BenchmarkDotNet's generated project would reference the TrainingWorker (an ASP.NET Core app)
// without its framework reference, and its package graph (MassTransit) then fails to restore.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(TrainingEpoch).Assembly).Run(args, config);
return 0;
