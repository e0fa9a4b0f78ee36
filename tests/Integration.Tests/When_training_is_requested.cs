using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Dapper;
using iAyos.Messaging.Contracts.Training;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Integration.Tests;

[Collection(StackCollection.Name)]
public class When_training_is_requested(Stack stack)
{
    [Fact]
    public async Task Should_answer_202_record_the_run_and_fail_it_with_the_reason_when_the_data_is_missing()
    {
        var response = await stack.Admin.PostAsJsonAsync("/api/ml/train-price-model", new { epochs = 3, batch_size = 16, csv_file = "no-such-file.csv" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var runId = accepted.GetProperty("run_id").GetGuid();
        Assert.Equal($"/api/ml/training-runs/{runId}", response.Headers.Location?.OriginalString);

        JsonElement run = default;
        var failed = await TestInfrastructure.EventuallyAsync(async () =>
        {
            var get = await stack.Http.GetAsync($"/api/ml/training-runs/{runId}");
            if (get.StatusCode != HttpStatusCode.OK)
                return false;
            run = await get.Content.ReadFromJsonAsync<JsonElement>();
            return run.GetProperty("status").GetString() == "failed";
        }, TimeSpan.FromSeconds(30));

        Assert.True(failed, $"the TrainingWorker should record the run and fail it: {run}");
        Assert.Equal("price-budget", run.GetProperty("kind").GetString());
        Assert.Contains("csv_file 'no-such-file.csv' is not in the training data directory", run.GetProperty("error").GetString());
        Assert.Equal(3, run.GetProperty("parameters").GetProperty("epochs").GetInt32());
        Assert.Equal(16, run.GetProperty("parameters").GetProperty("batch_size").GetInt32());
        Assert.Equal("integration-tests", run.GetProperty("requested_by").GetString()); // the admin token's subject

        var status = await stack.Http.GetFromJsonAsync<JsonElement>("/api/ml/price-model-status");
        Assert.Equal(runId, status.GetProperty("latest_training_run").GetProperty("run_id").GetGuid());
    }

    [Fact]
    public async Task Should_record_a_redelivered_command_once()
    {
        var sender = stack.Gateway.Services.GetRequiredService<IBus>();
        var endpoint = await sender.GetSendEndpoint(QueueNames.Address(QueueNames.TrainingCommands));
        var command = new TrainModel
        {
            RunId = NewId.NextGuid(),
            Kind = WorkerRatingKind.KindName,
            Parameters = new TrainingParameters { Epochs = 7 },
            RequestedAt = DateTimeOffset.UtcNow,
        };

        await using var db = TestInfrastructure.Database();
        await using var connection = await db.OpenConnectionAsync();
        const string sql = "SELECT count(*)::int AS rows, max((parameters->>'epochs')::int) AS epochs FROM ml.training_runs WHERE id = @RunId";
        (int Rows, int? Epochs) row = default;
        async Task<bool> RecordedAsync()
        {
            row = await connection.QuerySingleAsync<(int, int?)>(sql, new { command.RunId });
            return row.Rows == 1;
        }

        await endpoint.Send(command);
        Assert.True(await TestInfrastructure.EventuallyAsync(RecordedAsync, TimeSpan.FromSeconds(15)));
        // The same run arriving again, late and altered, must change nothing.
        var redeliveryId = NewId.NextGuid();
        var observer = new ConsumedObserver<TrainModel>(redeliveryId);
        using var handle = stack.Training.Services.GetRequiredService<IBus>().ConnectConsumeMessageObserver(observer);
        await endpoint.Send(command with { RequestedAt = command.RequestedAt.AddMinutes(5), Parameters = new TrainingParameters { Epochs = 99 } },
            context => context.MessageId = redeliveryId);
        await observer.Consumed.WaitAsync(TimeSpan.FromSeconds(15));
        await RecordedAsync();

        Assert.Equal(1, row.Rows);
        Assert.Equal(7, row.Epochs);
    }
}
