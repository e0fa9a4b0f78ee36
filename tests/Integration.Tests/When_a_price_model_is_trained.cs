using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Dapper;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Training.PriceModel;
using iAyos.Messaging.Training.Tests.PriceModel;
using MassTransit;

namespace iAyos.Messaging.Integration.Tests;

/// <summary>Training through the Gateway and RabbitMQ on the fixed split, then serving what it produced.</summary>
[Collection(StackCollection.Name)]
public class When_a_price_model_is_trained(Stack stack) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Other tests in the collection exercise the estimators: retire what these runs activated.</summary>
    public Task DisposeAsync() => stack.RetireActiveVersionsAsync(PriceBudgetKind.KindName);

    private const string Csv = "ph_blue_collar_synthetic.csv", Split = "splits/ph_blue_collar_synthetic.split.json";

    [Fact]
    public async Task Should_serve_the_served_configuration_which_beats_the_fallback_and_the_seed_configuration_on_the_test_rows()
    {
        await stack.EnsureInferenceRunningAsync();

        var served = await TrainAsync("served");
        var seed = await TrainAsync("seed");

        var metrics = served.GetProperty("metrics");
        double Figure(JsonElement m, string name) => m.GetProperty(name).GetDouble();
        var servedMae = Figure(metrics, "test.suggested_price.mae");
        Assert.True(servedMae < Figure(metrics, "fallback.suggested_price.mae"), $"served {servedMae} vs fallback: {metrics}");
        Assert.True(servedMae < Figure(seed.GetProperty("metrics"), "test.suggested_price.mae"), $"served {servedMae} vs seed: {seed.GetProperty("metrics")}");
        Assert.True(Figure(metrics, "onnx_max_abs_error") < 1e-3);
        Assert.True(served.GetProperty("activated").GetBoolean(), "the first trained version beats what other tests registered");
        Assert.False(seed.GetProperty("activated").GetBoolean(), "a worse version must not replace the active one");
        // Each epoch's progress arrived through the bus and was stored by the Gateway.
        var epochs = served.GetProperty("epochs");
        Assert.Equal(served.GetProperty("epochs_run").GetInt32(), epochs.GetArrayLength());
        Assert.All(epochs.EnumerateArray(), e => Assert.True(e.GetProperty("validation_loss").GetDouble() > 0));
        var samples = served.GetProperty("samples");
        Assert.Equal((350, 75, 76), (samples.GetProperty("train").GetInt32(), samples.GetProperty("validation").GetInt32(), samples.GetProperty("test").GetInt32()));
        Assert.Equal(0, served.GetProperty("resumed_from_epoch").GetInt32());

        var version = served.GetProperty("registered_version").GetInt32();
        JsonElement prediction = default;
        var servedByModel = await TestInfrastructure.EventuallyAsync(async () =>
        {
            var response = await stack.Http.PostAsJsonAsync("/api/ml/predict-price",
                new { title = "Repair refrigerator", description = "Not cooling, compressor running.", tags = new[] { "repair", "appliance" }, job_scope = "MODERATE_PROJECT", skill_level = "EXPERT" });
            prediction = await response.Content.ReadFromJsonAsync<JsonElement>();
            return prediction.GetProperty("source").GetString() == "model" && prediction.GetProperty("model_version").GetInt32() == version;
        }, TimeSpan.FromSeconds(20));
        Assert.True(servedByModel, $"the InferenceWorker should answer from v{version}: {prediction}");
        var (min, suggested, max) = (prediction.GetProperty("min_price").GetDecimal(), prediction.GetProperty("suggested_price").GetDecimal(), prediction.GetProperty("max_price").GetDecimal());
        Assert.True(min <= suggested && suggested <= max && min > 0, $"{min} <= {suggested} <= {max}");

        var registered = await stack.Http.GetFromJsonAsync<JsonElement>("/api/models/price-budget");
        var entry = registered.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == version);
        Assert.Equal(servedMae, Math.Round(entry.GetProperty("metrics").GetProperty("test").GetProperty("suggested_price").GetProperty("mae").GetDouble(), 2), 2);
    }

    [Fact]
    public async Task Should_take_over_a_run_whose_worker_died_and_resume_it_from_its_checkpoint()
    {
        var runId = NewId.NextGuid();
        // What the dead worker left: three epochs checkpointed, a claim whose heartbeat stopped long ago.
        var data = PriceDataset.FromCsv(SharedData.PhBlueCollarCsv, SharedData.PhBlueCollarSplit);
        PriceModelTraining.Train(new PriceTrainingRequest(data, "served", Epochs: 3, Seed: 42,
            CheckpointPath: Path.Combine(TrainingWorkerHost.CheckpointDirectory, $"{runId}.ckpt")));
        await using (var db = TestInfrastructure.Database())
        await using (var connection = await db.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO ml.training_runs (id, kind, status, parameters, requested_by, requested_at, worker_instance, started_at, heartbeat_at, attempts)
                VALUES (@runId, 'price-budget', 'running', @parameters::jsonb, 'test', now(), 'training-dead-worker', now() - interval '10 minutes',
                        now() - interval '10 minutes', 1)
                """, new { runId, parameters = JsonSerializer.Serialize(new { epochs = 40, batch_size = 32, min_samples = 50, csv_file = Csv, split_file = Split, configuration = "served" }) });
        }

        var run = await WaitForCompletionAsync(runId, TimeSpan.FromSeconds(90));

        Assert.Equal(2, run.GetProperty("attempts").GetInt32());
        Assert.NotEqual("training-dead-worker", run.GetProperty("worker_instance").GetString());
        // Epochs 1-3 happened on the dead worker; the live one went on from its checkpoint.
        Assert.Equal(4, run.GetProperty("epochs")[0].GetProperty("epoch").GetInt32());
        Assert.Equal(3, run.GetProperty("resumed_from_epoch").GetInt32());
        Assert.False(File.Exists(Path.Combine(TrainingWorkerHost.CheckpointDirectory, $"{runId}.ckpt")), "a finished run's checkpoint is removed");
    }

    private async Task<JsonElement> TrainAsync(string configuration)
    {
        var response = await stack.Admin.PostAsJsonAsync("/api/ml/train-price-model", new { csv_file = Csv, split_file = Split, configuration });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetGuid();
        return await WaitForCompletionAsync(runId, TimeSpan.FromSeconds(120));
    }

    private async Task<JsonElement> WaitForCompletionAsync(Guid runId, TimeSpan within)
    {
        JsonElement run = default;
        var finished = await TestInfrastructure.EventuallyAsync(async () =>
        {
            var get = await stack.Http.GetAsync($"/api/ml/training-runs/{runId}");
            if (get.StatusCode != HttpStatusCode.OK) return false;
            run = await get.Content.ReadFromJsonAsync<JsonElement>();
            return run.GetProperty("status").GetString() is "completed" or "failed";
        }, within);
        Assert.True(finished, $"run {runId} did not finish: {run}");
        Assert.True(run.GetProperty("status").GetString() == "completed", $"run {runId} failed: {run.GetProperty("error")}");
        // The Gateway stores the events; the last may land a moment after the run's row says completed.
        await TestInfrastructure.EventuallyAsync(async () =>
        {
            run = await stack.Http.GetFromJsonAsync<JsonElement>($"/api/ml/training-runs/{runId}");
            var epochs = run.GetProperty("epochs");
            return run.GetProperty("samples").ValueKind == JsonValueKind.Object && epochs.GetArrayLength() > 0
                && epochs[epochs.GetArrayLength() - 1].GetProperty("epoch").GetInt32() == run.GetProperty("epochs_run").GetInt32();
        }, TimeSpan.FromSeconds(10));
        return run;
    }
}
