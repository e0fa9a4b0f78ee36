using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using iAyos.Messaging.Contracts;

namespace iAyos.Messaging.Integration.Tests.Faults;

/// <summary>A request/response path while the ScoringWorker's PostgreSQL is down: answered at once, not kept.</summary>
[Collection(FaultsCollection.Name)]
public class When_PostgreSQL_is_down_recommendations_answer_503
{
    private const string ErrorQueue = QueueNames.Recommendations + "_error";

    [Fact]
    public async Task Should_answer_503_with_retry_after_without_the_address_and_dead_letter_nothing()
    {
        var (proxy, connectionString) = CuttableProxy.ForPostgres();
        await using var _ = proxy;
        await using var scoring = new ScoringWorkerHost(connectionString);
        await FaultsCollection.StartAsync(scoring);
        await using var gateway = new GatewayHost();
        gateway.StartServer();
        using var http = gateway.CreateClient();
        var deadLetteredBefore = (await QueuePeek.AllAsync(ErrorQueue)).Count;

        proxy.Cut();
        var response = await http.GetAsync("/api/recommendations/jobs/1000/cleaners?limit=3");
        var body = await response.Content.ReadAsStringAsync();
        proxy.Restore();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("dependency_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("reason").GetString());
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.DoesNotContain("Host=", body);
        await Task.Delay(TimeSpan.FromSeconds(1)); // the error pipe runs just after the fault is sent
        Assert.Equal(deadLetteredBefore, (await QueuePeek.AllAsync(ErrorQueue)).Count);
        // Once PostgreSQL is back the same request is answered (200, or 404 for a job this database lacks).
        var again = await TestInfrastructure.EventuallyAsync(async () =>
            (await http.GetAsync("/api/recommendations/jobs/1000/cleaners?limit=3")).StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(30));
        Assert.True(again, "recommendations did not recover after PostgreSQL came back");
    }
}
