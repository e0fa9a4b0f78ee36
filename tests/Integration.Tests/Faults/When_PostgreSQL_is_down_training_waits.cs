using System.Diagnostics;
using Dapper;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace iAyos.Messaging.Integration.Tests.Faults;

/// <summary>
/// The TrainingWorker and the Gateway (which stores progress) with PostgreSQL behind a proxy that the test
/// cuts: once when the command arrives, once while the run trains.
/// </summary>
[Collection(FaultsCollection.Name)]
public class When_PostgreSQL_is_down_training_waits(ITestOutputHelper output) : RetiresActivePriceVersions
{
    [Fact]
    public async Task Should_record_a_command_sent_while_it_was_down_and_complete_a_run_it_cut_short()
    {
        var (proxy, connectionString) = CuttableProxy.ForPostgres();
        await using var _ = proxy;
        await using var training = new TrainingWorkerHost(connectionString);
        await using var gateway = new GatewayHost(connectionString);
        await FaultsCollection.StartAsync(training);
        await FaultsCollection.StartAsync(gateway);
        var runId = NewId.NextGuid();
        var commands = await training.Services.GetRequiredService<IBus>().GetSendEndpoint(QueueNames.Address(QueueNames.TrainingCommands));
        await using var db = TestInfrastructure.Database();
        await using var direct = await db.OpenConnectionAsync();

        // 1. The command arrives while PostgreSQL is down: it waits in its queue, not in _error.
        var firstOutage = Stopwatch.StartNew();
        proxy.Cut();
        await commands.Send(new TrainModel
        {
            RunId = runId,
            Kind = PriceBudgetKind.KindName,
            Parameters = new TrainingParameters
            {
                Epochs = 40, CsvFile = "ph_blue_collar_synthetic.csv", SplitFile = "splits/ph_blue_collar_synthetic.split.json", Configuration = "served",
            },
            RequestedAt = DateTimeOffset.UtcNow,
            RequestedBy = "faults-test",
        });
        await Task.Delay(FaultsCollection.RetriesSpent);
        Assert.Empty(await QueuePeek.MentioningAsync(QueueNames.TrainingCommands + "_error", runId.ToString()));
        Assert.Null(await StatusAsync(direct, runId));
        await Task.Delay(FaultsCollection.Outage - firstOutage.Elapsed);
        Assert.Empty(await QueuePeek.MentioningAsync(QueueNames.TrainingCommands + "_error", runId.ToString()));
        proxy.Restore();
        var firstRestored = Stopwatch.StartNew();

        // 2. Recorded and claimed once PostgreSQL is back; cut again while it trains.
        var running = await TestInfrastructure.EventuallyAsync(async () => await StatusAsync(direct, runId) is "running" or "completed" or "failed",
            TimeSpan.FromSeconds(60));
        Assert.True(running, $"the run was not recorded after the outage: {await StatusAsync(direct, runId)}");
        var recordedAfter = firstRestored.Elapsed;
        Assert.Equal("running", await StatusAsync(direct, runId));
        var secondOutage = Stopwatch.StartNew();
        proxy.Cut();
        await Task.Delay(FaultsCollection.Outage);
        Assert.Empty(await QueuePeek.MentioningAsync(QueueNames.TrainingProgress + "_error", runId.ToString()));
        proxy.Restore();
        var secondRestored = Stopwatch.StartNew();

        // 3. The run completes, and every epoch it reports is stored by the Gateway.
        var finished = await TestInfrastructure.EventuallyAsync(async () => await StatusAsync(direct, runId) is "completed" or "failed",
            TimeSpan.FromSeconds(120));
        var run = await direct.QuerySingleAsync<(string Status, string? Error, int? EpochsRun)>(
            "SELECT status, error, epochs_run FROM ml.training_runs WHERE id = @runId", new { runId });
        Assert.True(finished, $"run {runId} is still {run.Status}");
        Assert.True(run.Status == "completed", $"run {runId} failed: {run.Error}");
        var finishedAfter = secondRestored.Elapsed;
        var progressStored = await TestInfrastructure.EventuallyAsync(async () =>
            await direct.ExecuteScalarAsync<int>("SELECT count(*) FROM ml.training_run_epochs WHERE run_id = @runId", new { runId }) == run.EpochsRun
            && await direct.ExecuteScalarAsync<int?>("SELECT train_samples FROM ml.training_runs WHERE id = @runId", new { runId }) is > 0,
            TimeSpan.FromSeconds(60));
        var epochsStored = await direct.ExecuteScalarAsync<int>("SELECT count(*) FROM ml.training_run_epochs WHERE run_id = @runId", new { runId });
        output.WriteLine($"Command waited out a {firstOutage.Elapsed - firstRestored.Elapsed:mm\\:ss\\.f} cut and was recorded and claimed {recordedAfter.TotalSeconds:F1} s after; " +
                         $"the run, cut for {secondOutage.Elapsed - secondRestored.Elapsed:mm\\:ss\\.f} while training, completed {finishedAfter.TotalSeconds:F1} s after; " +
                         $"{epochsStored} of {run.EpochsRun} epochs stored");
        Assert.True(progressStored, $"{epochsStored} of {run.EpochsRun} epochs stored");
        Assert.Empty(await QueuePeek.MentioningAsync(QueueNames.TrainingCommands + "_error", runId.ToString()));
        Assert.Empty(await QueuePeek.MentioningAsync(QueueNames.TrainingProgress + "_error", runId.ToString()));
    }

    private static Task<string?> StatusAsync(NpgsqlConnection connection, Guid runId) =>
        connection.ExecuteScalarAsync<string?>("SELECT status FROM ml.training_runs WHERE id = @runId", new { runId });
}
