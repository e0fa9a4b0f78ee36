using iAyos.Messaging.Cli;
using iAyos.Messaging.Cli.Simulation.JobBoard;
using iAyos.Messaging.TrainingWorker.JobBoard;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests.JobBoard.ReadModel;

[Collection(StackCollection.Name)]
public class When_the_job_board_is_seeded(Stack stack)
{
    private const int Users = 50, Jobs = 120, Seed = 9;

    [Fact]
    public async Task Seed_job_board_returns_once_the_read_model_holds_the_board_and_a_rerun_changes_nothing()
    {
        var board = JobBoardGenerator.Generate(new JobBoardGeneratorOptions { Users = Users, Jobs = Jobs, Seed = Seed });
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        await JobBoardReplay.ResetAsync(connection);
        string[] args = ["seed-job-board", "--users", $"{Users}", "--jobs", $"{Jobs}", "--seed", $"{Seed}", "--timeout", "120"];

        var output = await RunAsync(args);

        // It returned only once every event was folded, so no poll is needed here.
        Assert.Equal(JobBoardReplay.Lines(board.Snapshot), JobBoardReplay.Lines(await new JobBoardSnapshotReader(db).ReadAsync(CancellationToken.None)));
        var summary = JobBoardSummary.Of(board);
        Assert.Contains($"Published {board.Events.Count} events", output);
        Assert.Contains(summary.ToString(), output);
        Assert.Contains($"{Users} users", output);
        Assert.Contains("application rate", output);

        // The rerun returns at once (the read model already holds the board): wait for its deliveries before comparing.
        var rows = await JobBoardReplay.RowsAsync(connection);
        var consumed = new JobBoardReplay.ConsumedJobBoardEvents(board.Events.Select(e => e.EventId).ToHashSet());
        using (stack.Scoring.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed))
        {
            await RunAsync(args);
            Assert.True(await TestInfrastructure.EventuallyAsync(() => Task.FromResult(consumed.Count >= board.Events.Count), TimeSpan.FromMinutes(2)),
                $"the rerun's events should all be consumed ({consumed.Count} of {board.Events.Count})");
        }
        Assert.Equal(rows, await JobBoardReplay.RowsAsync(connection));
        await JobBoardReplay.ResetAsync(connection);
    }

    private static async Task<string> RunAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await IayosCommand.InvokeAsync(args, output, error);
        Assert.True(exit == ExitCodes.Ok, $"seed-job-board exited {exit}: {error}");
        return output.ToString();
    }
}
