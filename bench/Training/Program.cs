using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using iAyos.Messaging.Training.Bench;

// Plain commands, not BenchmarkDotNet runs: `convfm` and `trust` time epochs beside torch's (scripts/bench-torch.sh);
// `trust-profile` splits a trust training step into its parts;
// `convfm-profile` and `layers` say where a step's time goes; `fingerprint` shows an engine change alters no result;
// `convfm-export` feeds convfm_torch_parity.py (our ConvFM against PyTorch's).
switch (args.FirstOrDefault())
{
    case "convfm": return ConvFmEpoch.Run(args[1..]);
    case "trust": return TrustEpoch.Run(args[1..]);
    case "trust-profile": return TrustProfile.Run(args[1..]);
    case "convfm-profile": return ConvFmProfile.Run(args[1..]);
    case "layers": return LayerProfile.Run(args[1..]);
    case "fingerprint": return Fingerprint.Run(args[1..]);
    case "convfm-export": return ConvFmTorchParity.Run(args[1..]);
}

// In process: BenchmarkDotNet's generated project would reference the TrainingWorker (an ASP.NET Core app)
// without its framework reference, and its package graph (MassTransit) then fails to restore.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(TrainingEpoch).Assembly).Run(args, config);
return 0;
