using System.CommandLine;
using System.Text.Json;
using iAyos.Messaging.Cli.Simulation.JobBoard;
using iAyos.Messaging.Training.JobBoard;

namespace iAyos.Messaging.Cli.Evaluation.JobBoard;

/// <summary>
/// <c>iayos evaluate-job-board --users 2000 --jobs 5000 --seed 42 [--epochs 50] [--patience 10] [--batch-sizes 32,256]
/// [--dropouts 0.2] [--weight-decays 0] [--embedding-decays 0] [--random-negatives 1] [--unknown-id-share 0.3] [--out report.json]</c>: generates a job board in memory
/// (no bus, no database), trains the ConvFM recommender with selection on validation, and prints the held-out table:
/// ConvFM beside matrix factorization, popularity, content, random and the generator's best achievable.
/// </summary>
public static class EvaluateJobBoardCommand
{
    public const string Name = "evaluate-job-board";

    public static Command Create()
    {
        var users = CliOptions.Number("--users", 2000, 10, 10_000_000, "--users must be at least 10.", "How many users to simulate.");
        var jobs = CliOptions.Number("--jobs", 5000, 10, 10_000_000, "--jobs must be at least 10.", "How many jobs.");
        var seed = CliOptions.Number("--seed", 42, 0, int.MaxValue, "--seed must be a non-negative number.", "Seed of the board, the negatives and the weights.");
        var epochs = CliOptions.Number("--epochs", 50, 1, 1000, "--epochs must be between 1 and 1000.", "Most epochs per fit (early stopping may end sooner).");
        var training = new JobRecommenderCliOptions();
        var outFile = new Option<FileInfo?>("--out") { Description = "Also write the report as JSON to this file.", HelpName = "file" };
        var command = new Command(Name, "Trains the job recommender on a generated job board and prints its held-out quality beside the baselines.")
        {
            users, jobs, seed, epochs, outFile,
        };
        foreach (var option in training.All) command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var options = training.Read(parse, parse.GetValue(epochs), parse.GetValue(seed));
            try
            {
                var board = JobBoardGenerator.Generate(new JobBoardGeneratorOptions { Users = parse.GetValue(users), Jobs = parse.GetValue(jobs), Seed = parse.GetValue(seed) });
                await output.WriteLineAsync($"job board: {board.Snapshot.Users.Count:N0} users, {board.Snapshot.Jobs.Count:N0} jobs, " +
                    $"{board.Snapshot.Interactions.Count:N0} interactions (seed {parse.GetValue(seed)})");
                var result = await Task.Run(() => JobRecommenderTraining.Run(board.Snapshot, options,
                    JobRecommenderCliOptions.Log(parse.InvocationConfiguration.Error, options.Epochs), board.Truth.ApplyProbability, ct), ct);
                await output.WriteLineAsync(result.Report.ToTable());
                if (parse.GetValue(outFile) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, JsonSerializer.Serialize(result.Report, new JsonSerializerOptions { WriteIndented = true }), ct);
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
}
