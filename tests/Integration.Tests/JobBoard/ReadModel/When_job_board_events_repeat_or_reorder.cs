using iAyos.Messaging.Cli.Simulation.JobBoard;
using iAyos.Messaging.TrainingWorker.JobBoard;

namespace iAyos.Messaging.Integration.Tests.JobBoard.ReadModel;

/// <summary>
/// A generated board through RabbitMQ into the ScoringWorker's read model and back out through the TrainingWorker's
/// snapshot reader: whatever the order and however often events arrive, the rows are the same, and the snapshot is the
/// one the generator folded in memory.
/// </summary>
[Collection(StackCollection.Name)]
public class When_job_board_events_repeat_or_reorder(Stack stack)
{
    [Fact]
    public async Task Should_converge_on_the_generated_snapshot_and_ignore_redeliveries()
    {
        var board = JobBoardGenerator.Generate(new JobBoardGeneratorOptions { Users = 60, Jobs = 150, Seed = 11 });
        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        var reader = new JobBoardSnapshotReader(db);
        await JobBoardReplay.ResetAsync(connection);

        // Every event twice, shuffled: updates before listings, closes before listings, interactions before both.
        var twiceShuffled = board.Events.Concat(board.Events).OrderBy(_ => Random.Shared.Next()).ToList();
        await JobBoardReplay.PublishAndWaitAsync(stack, twiceShuffled);
        var rows = await JobBoardReplay.RowsAsync(connection);
        Assert.Equal(JobBoardReplay.Lines(board.Snapshot), JobBoardReplay.Lines(await reader.ReadAsync(CancellationToken.None)));
        Assert.Contains(board.Snapshot.Jobs, j => j.ClosedAt is not null);
        Assert.Contains(board.Snapshot.Jobs, j => j.Facts.SalaryMin is null);

        // Redelivered once more, in upstream order: nothing changes.
        await JobBoardReplay.PublishAndWaitAsync(stack, board.Events);
        Assert.Equal(rows, await JobBoardReplay.RowsAsync(connection));

        // From scratch, once, in another order: the same rows.
        await JobBoardReplay.ResetAsync(connection);
        await JobBoardReplay.PublishAndWaitAsync(stack, board.Events.OrderBy(_ => Random.Shared.Next()).ToList());
        Assert.Equal(rows, await JobBoardReplay.RowsAsync(connection));
    }
}
