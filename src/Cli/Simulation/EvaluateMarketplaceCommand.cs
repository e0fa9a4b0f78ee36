using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace iAyos.Messaging.Cli.Simulation;

/// <summary>
/// <c>iayos evaluate-marketplace --jobs 5000 --cleaners 200 --clients 500 --seed 42 [--epochs 50] [--out quality.json]</c>:
/// generates the marketplace, folds it into the read model in memory, trains the cleaner-match and bid networks on
/// the earlier 80% of jobs and prints issue 12's quality table on the later 20%, beside the baselines and the
/// generator's best achievable. No bus, no database: the numbers depend on the spec alone.
/// </summary>
public static class EvaluateMarketplaceCommand
{
    public const string Name = "evaluate-marketplace";

    /// <summary>A fixed end date by default (not today, as generate-marketplace has), so a spec's table never changes with the calendar.</summary>
    public static readonly DateTimeOffset DefaultAsOf = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var jobs = CliOptions.Number("--jobs", 5000, 100, int.MaxValue, "--jobs must be at least 100.", "How many jobs to simulate.");
        var cleaners = CliOptions.Number("--cleaners", 200, 1, int.MaxValue, "--cleaners must be at least 1.", "How many cleaners.");
        var clients = CliOptions.Number("--clients", 500, 1, int.MaxValue, "--clients must be at least 1.", "How many clients.");
        var seed = CliOptions.Number("--seed", 42, int.MinValue, int.MaxValue, "--seed must be a whole number.", "Seed of the market and of the training.");
        var epochs = CliOptions.Number("--epochs", 50, 1, 10_000, "--epochs must be between 1 and 10000.", "Most epochs per network (early stopping may end sooner).");
        var asOf = new Option<DateTimeOffset?>("--as-of")
        {
            Description = "When the data ends (a date is midnight UTC); default 2026-11-22.",
            HelpName = "yyyy-MM-dd",
            CustomParser = result =>
            {
                if (DateTimeOffset.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
                    return value;
                result.AddError($"--as-of {result.Tokens[0].Value} is not a date.");
                return null;
            },
        };
        var outFile = new Option<FileInfo?>("--out") { Description = "Also write the figures as JSON to this file.", HelpName = "file" };
        var command = new Command(Name, "Trains the cleaning networks on a generated marketplace and prints their measured quality.")
        {
            jobs, cleaners, clients, seed, epochs, asOf, outFile,
        };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var spec = new MarketplaceSpec(parse.GetValue(jobs), parse.GetValue(cleaners), parse.GetValue(clients), parse.GetValue(seed),
                parse.GetValue(asOf) ?? DefaultAsOf);
            try
            {
                var quality = await Task.Run(() => MarketplaceQuality.Evaluate(spec, parse.GetValue(epochs), new LineLog(output), ct), ct);
                await output.WriteLineAsync(quality.Table());
                if (parse.GetValue(outFile) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(quality, new JsonSerializerOptions { WriteIndented = true }), ct);
                    await output.WriteLineAsync($"Wrote {file.FullName}.");
                }
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("Cancelled.");
                return ExitCodes.Cancelled;
            }
        });
        return command;
    }

    /// <summary>Progress lines written as they come (Progress&lt;T&gt; would post them to a thread pool out of order).</summary>
    private sealed class LineLog(TextWriter output) : IProgress<string>
    {
        private readonly Lock _lock = new();

        public void Report(string value)
        {
            lock (_lock) output.WriteLine(value);
        }
    }
}
