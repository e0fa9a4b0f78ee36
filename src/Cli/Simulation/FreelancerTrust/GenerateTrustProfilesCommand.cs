using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using iAyos.Messaging.Training.FreelancerTrust;

namespace iAyos.Messaging.Cli.Simulation.FreelancerTrust;

/// <summary>
/// <c>iayos generate-trust-profiles [--count 6000] [--seed 42] [--as-of 2026-11-01] --out PATH</c>: writes labelled
/// freelancer profiles (<see cref="FreelancerProfileGenerator"/>) as JSON lines (<see cref="TrustProfileFile"/>) and
/// prints their truth: the share trustworthy, the best achievable accuracy and the seed's rules' accuracy. The same
/// options write the same file.
/// </summary>
public static class GenerateTrustProfilesCommand
{
    public const string Name = "generate-trust-profiles";

    public static Command Create()
    {
        var defaults = new FreelancerProfileGeneratorOptions();
        var count = CliOptions.Number("--count", defaults.Count, 1, 1_000_000, "--count must be between 1 and 1000000.", "How many profiles.");
        var seed = CliOptions.Number("--seed", defaults.Seed, int.MinValue, int.MaxValue, "--seed must be a whole number.", "Seed; the same options give the same file.");
        var asOf = new Option<DateOnly?>("--as-of")
        {
            Description = $"The day the indicators are computed as of; default {FreelancerProfileGeneratorOptions.DefaultAsOf:yyyy-MM-dd}, fixed so reruns agree.",
            HelpName = "yyyy-MM-dd",
            CustomParser = result =>
            {
                if (DateOnly.TryParseExact(result.Tokens[0].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return day;
                result.AddError($"--as-of {result.Tokens[0].Value} is not a date (yyyy-MM-dd).");
                return null;
            },
        };
        var output = new Option<FileInfo>("--out") { Description = "The JSON-lines file to write (replaced if it exists).", HelpName = "PATH", Required = true };
        var command = new Command(Name, "Generates labelled freelancer profiles for the trust model and writes them as JSON lines.")
        {
            count, seed, asOf, output,
        };
        command.SetAction((parse, ct) => RunAsync(
            defaults with { Count = parse.GetValue(count), Seed = parse.GetValue(seed), AsOf = parse.GetValue(asOf) ?? FreelancerProfileGeneratorOptions.DefaultAsOf },
            parse.GetValue(output)!, parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(FreelancerProfileGeneratorOptions options, FileInfo file, ParseResult parse, CancellationToken ct)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            var watch = Stopwatch.StartNew();
            var profiles = FreelancerProfileGenerator.Generate(options);
            ct.ThrowIfCancellationRequested();
            if (file.Directory is { Exists: false } directory) directory.Create();
            TrustProfileFile.Write(file.FullName, FreelancerProfileGenerator.Labelled(profiles));
            await output.WriteLineAsync(
                $"Wrote {profiles.Count} profiles (seed {options.Seed}, as of {options.AsOf:yyyy-MM-dd}) to {file.FullName} in {watch.Elapsed.TotalSeconds:F2} s.");
            await output.WriteLineAsync(FreelancerTrustTruth.Summarize(profiles).ToString());
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await error.WriteLineAsync("Cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"{Name}: cannot write {file.FullName}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (UnauthorizedAccessException e)
        {
            await error.WriteLineAsync($"{Name}: cannot write {file.FullName}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
