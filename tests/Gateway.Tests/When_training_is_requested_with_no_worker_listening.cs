using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace iAyos.Messaging.Gateway.Tests;

public class When_training_is_requested_with_no_worker_listening
{
    [Fact]
    public async Task Should_record_the_run_as_queued_before_answering_202()
    {
        // No TrainModel consumer on the in-memory bus: only the Gateway can have written the row.
        await using var gateway = new GatewayOnTestHarness(_ => { });
        using var http = gateway.CreateClient();
        http.DefaultRequestHeaders.Authorization = TestTokens.Bearer(TestTokens.Admin("durable-test"));

        var response = await http.PostAsJsonAsync("/api/ml/train-price-model", new { epochs = 3 });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("run_id").GetGuid();
        var dataSource = gateway.Services.GetRequiredService<NpgsqlDataSource>();
        await using var command = dataSource.CreateCommand("SELECT status, requested_by FROM ml.training_runs WHERE id = $1");
        command.Parameters.AddWithValue(runId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The run was not recorded before the 202.");
        Assert.Equal("queued", reader.GetString(0));
        Assert.Equal("durable-test", reader.GetString(1));

        // Leave no queued run behind for a TrainingWorker of a later test to pick up.
        await using var cleanup = dataSource.CreateCommand("DELETE FROM ml.training_runs WHERE id = $1");
        cleanup.Parameters.AddWithValue(runId);
        await reader.CloseAsync();
        await cleanup.ExecuteNonQueryAsync();
    }
}
