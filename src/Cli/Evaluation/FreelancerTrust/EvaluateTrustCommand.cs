using System.CommandLine;
using System.Text.Json;
using iAyos.Messaging.Training.FreelancerTrust;

namespace iAyos.Messaging.Cli.Evaluation.FreelancerTrust;

/// <summary>
/// <c>iayos evaluate-trust --profiles FILE [--epochs 50] [--batch-size 32] [--seed 42] [--threads 2] [--no-ablation] [--out report.json]</c>:
/// embeds a labelled-profile file (JSONL) with MiniLM, trains seed 003's LSTM on the stratified 70/15/15 split and prints
/// the test table beside the seed's rules, logistic regression, the text-only and indicators-only networks and the
/// generator's best achievable.
/// </summary>
public static class EvaluateTrustCommand
{
    public const string Name = "evaluate-trust";

    public static Command Create()
    {
        var profiles = new Option<FileInfo>("--profiles") { Description = "The labelled profiles, one JSON object a line.", HelpName = "FILE", Required = true };
        profiles.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { Exists: false } file)
                result.AddError($"--profiles {file}: no such file.");
        });
        var epochs = CliOptions.Number("--epochs", 50, 1, 1000, "--epochs must be between 1 and 1000.", "Most epochs per network (early stopping may end sooner).");
        var batchSize = CliOptions.Number("--batch-size", 32, 1, 4096, "--batch-size must be between 1 and 4096.", "Rows per batch.");
        var seed = CliOptions.Number("--seed", 42, 0, int.MaxValue, "--seed must be a non-negative number.", "Seed of the split and the weights.");
        var threads = CliOptions.Number("--threads", 2, 1, 64, "--threads must be between 1 and 64.", "Threads embedding the profiles.");
        var noAblation = new Option<bool>("--no-ablation") { Description = "Skip the text-only and indicators-only networks (a third of the time)." };
        var outFile = new Option<FileInfo?>("--out") { Description = "Also write the report as JSON to this file.", HelpName = "file" };
        var command = new Command(Name, "Trains the freelancer-trust LSTM on labelled profiles and prints its test quality beside the baselines and the ablation.")
        {
            profiles, epochs, batchSize, seed, threads, noAblation, outFile,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new TrustTrainingOptions
            {
                Epochs = parse.GetValue(epochs), BatchSize = parse.GetValue(batchSize), Seed = parse.GetValue(seed), Ablation = !parse.GetValue(noAblation),
            };
            try
            {
                var path = parse.GetValue(profiles)!.FullName;
                var result = await Task.Run(() =>
                {
                    var data = TrustCliRun.Load(path, error, parse.GetValue(threads), ct);
                    return TrustTraining.Run(data, options, TrustCliRun.Log(error, options.Epochs), ct);
                }, ct);
                await output.WriteLineAsync(result.Report.ToTable());
                TrustReportTable.Write(parse.Output(), result.Report, TrustTraining.NetworkName(options.Configuration));
                if (parse.GetValue(outFile) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(result.Report, new JsonSerializerOptions { WriteIndented = true }), ct);
                    await output.WriteLineAsync($"Wrote {file.FullName}.");
                }
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
            {
                await error.WriteLineAsync($"Cannot evaluate on {parse.GetValue(profiles)!.Name}: {ex.Message}");
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await error.WriteLineAsync("Cancelled.");
                return ExitCodes.Cancelled;
            }
        });
        return command;
    }
}
