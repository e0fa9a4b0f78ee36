using System.Diagnostics;
using System.Text.Json;
using Dapper;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;
using Npgsql;
using Xunit.Abstractions;

namespace iAyos.Messaging.Integration.Tests.Faults;

/// <summary>The TrainingWorker with RabbitMQ behind a proxy that the test cuts while a run trains.</summary>
[Collection(FaultsCollection.Name)]
public class When_the_broker_is_down_training_goes_on(ITestOutputHelper output) : RetiresActivePriceVersions
{
    [Fact]
    public async Task Should_not_fail_the_run_and_complete_it()
    {
        await using var proxy = CuttableProxy.ForRabbitMq();
        await using var training = new TrainingWorkerHost(rabbitMqPort: proxy.Port);
        await FaultsCollection.StartAsync(training);
        await using var db = TestInfrastructure.Database();
        await using var direct = await db.OpenConnectionAsync();
        var runId = NewId.NextGuid();
        // Queued as the command consumer records it; the worker's claim loop takes it within a poll.
        await direct.ExecuteAsync("""
            INSERT INTO ml.training_runs (id, kind, status, parameters, requested_by, requested_at)
            VALUES (@runId, 'price-budget', 'queued', @parameters::jsonb, 'faults-test', now())
            """, new
        {
            runId,
            parameters = JsonSerializer.Serialize(new
            {
                epochs = 40, batch_size = 32, min_samples = 50, csv_file = "ph_blue_collar_synthetic.csv",
                split_file = "splits/ph_blue_collar_synthetic.split.json", configuration = "served",
            }),
        });
        Assert.True(await TestInfrastructure.EventuallyAsync(async () => await StatusAsync(direct, runId) != "queued", TimeSpan.FromSeconds(30)),
            "the run was not claimed");

        var outage = Stopwatch.StartNew();
        proxy.Cut();
        await Task.Delay(FaultsCollection.Outage);
        var during = await StatusAsync(direct, runId);
        Assert.NotEqual("failed", during);
        proxy.Restore();
        var restored = Stopwatch.StartNew();

        var finished = await TestInfrastructure.EventuallyAsync(async () => await StatusAsync(direct, runId) is "completed" or "failed",
            TimeSpan.FromSeconds(120));
        var run = await direct.QuerySingleAsync<(string Status, string? Error, int? EpochsRun)>(
            "SELECT status, error, epochs_run FROM ml.training_runs WHERE id = @runId", new { runId });
        output.WriteLine($"RabbitMQ cut {outage.Elapsed - restored.Elapsed:mm\\:ss\\.f} while run {runId} trained: {during} at the end of the cut, " +
                         $"{run.Status} {restored.Elapsed.TotalSeconds:F1} s after the broker was back ({run.EpochsRun} epochs)");
        Assert.True(finished, $"run {runId} is still {run.Status}");
        Assert.True(run.Status == "completed", $"run {runId} failed: {run.Error}");
    }

    private static Task<string?> StatusAsync(NpgsqlConnection connection, Guid runId) =>
        connection.ExecuteScalarAsync<string?>("SELECT status FROM ml.training_runs WHERE id = @runId", new { runId });
}
