using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using iAyos.Messaging.Cli.Evaluation.FreelancerTrust;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Training.FreelancerTrust;
using Pipeline = iAyos.Messaging.Training.FreelancerTrust.TrustTraining;

namespace iAyos.Messaging.Cli.Train;

/// <summary>
/// <c>iayos train --kind freelancer-trust --csv FILE [--epochs 50 --batch-size 32 --seed 42]</c>: a labelled-profile
/// JSONL file (no bus, no database) through the same pipeline and files as a TrainingWorker run: model.onnx,
/// features.json (the spec with the indicators' standardization) and metadata.json (the test figures).
/// </summary>
public static class TrustTraining
{
    public static int Run(TrainArguments args, ParseResult parse, CancellationToken ct)
    {
        var error = parse.InvocationConfiguration.Error;
        if (args.Csv is null)
        {
            error.WriteLine("--kind freelancer-trust needs --csv FILE: the labelled profiles, one JSON object a line.");
            return ExitCodes.BadArguments;
        }
        var options = new TrustTrainingOptions { Epochs = args.Epochs, BatchSize = args.BatchSize, Seed = args.Seed, Configuration = TrustConfigurations.Seed };
        TrustTrainingResult result;
        try
        {
            var data = TrustCliRun.Load(args.Csv, error, threads: 2, ct);
            result = Pipeline.Run(data, options, TrustCliRun.Log(error, options.Epochs), ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
        {
            error.WriteLine($"Cannot train on {Path.GetFileName(args.Csv)}: {ex.Message}");
            return ExitCodes.Failed;
        }
        var r = result.Report;
        Directory.CreateDirectory(args.Out);
        File.WriteAllBytes(Path.Combine(args.Out, "model.onnx"), result.Onnx);
        File.WriteAllText(Path.Combine(args.Out, "features.json"), result.Spec.ToJson());
        File.WriteAllText(Path.Combine(args.Out, "metadata.json"), JsonSerializer.Serialize(new
        {
            kind = args.Kind, source = Path.GetFileName(args.Csv), trained_at = DateTimeOffset.UtcNow, configuration = options.Configuration,
            report = r, metrics = r.Flatten(),
        }));
        var network = r.Model(Pipeline.NetworkName(options.Configuration));
        var fit = r.Fits[0];
        TrainSummary.Print(parse,
        [
            ("rows", $"{r.TrainRows:N0} train, {r.ValidationRows:N0} validation, {r.TestRows:N0} test; {r.Rejected.Sum(x => x.Count):N0} refused"),
            ("fit", $"{fit.EpochsRun} epochs (best {fit.BestEpoch}), val loss {fit.ValidationLoss:F4}, {fit.SecondsPerEpoch:F2} s/epoch"),
            ("ONNX Runtime max |diff|", $"{r.OnnxMaxAbsError:G2}"),
            ("test", $"accuracy {network.Test.Accuracy:F4}, F1 {network.Test.F1:F4}, AUC {network.Test.Auc:F4} (rules {r.Model(Pipeline.Rules).Test.Accuracy:F4})"),
        ], args.Out, Convert.ToHexStringLower(SHA256.HashData(result.Onnx)));
        parse.InvocationConfiguration.Output.WriteLine(r.ToTable());
        return ExitCodes.Ok;
    }
}
