namespace iAyos.Messaging.Integration.Tests.ServiceJobs;

[Collection(StackCollection.Name)]
public class When_service_job_events_repeat_or_reorder(Stack stack)
{
    [Fact]
    public async Task Should_end_in_the_same_rows_as_one_in_order_delivery()
    {
        await using var replay = await ServiceJobReplay.CreateAsync(jobs: 300, workers: 30, seed: 7);

        // One delivery, in upstream order, one event at a time.
        await replay.PublishAndWaitAsync(stack, replay.Events, maxInFlight: 1);
        var inOrder = await replay.SnapshotAsync();

        // Every event twice, shuffled: lifecycle facts before their posting, reviews before completions, ...
        await replay.DeleteAsync();
        var twiceShuffled = replay.Events.Concat(replay.Events).OrderBy(_ => Random.Shared.Next()).ToList();
        await replay.PublishAndWaitAsync(stack, twiceShuffled);
        var replayed = await replay.SnapshotAsync();

        // And once more, as a rerun of seed-demo would: nothing changes.
        await replay.PublishAndWaitAsync(stack, replay.Events);
        var rerun = await replay.SnapshotAsync();

        Assert.True(inOrder.Count > 600, $"the snapshot should hold the world ({inOrder.Count} rows)");
        Assert.Equal(inOrder, replayed);
        Assert.Equal(inOrder, rerun);
    }
}
