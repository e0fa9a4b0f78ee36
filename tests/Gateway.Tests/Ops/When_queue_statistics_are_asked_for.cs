using System.Net;
using System.Text;
using System.Text.Json;
using iAyos.Messaging.Gateway.Ops;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace iAyos.Messaging.Gateway.Tests.Ops;

/// <summary>GET /api/ops/queues: the management API's queues as the dashboard reads them, and a 503 when it cannot be read.</summary>
public class When_queue_statistics_are_asked_for
{
    private static readonly RabbitManagementOptions Options = new()
    {
        ManagementUrl = "http://rabbit.test:15672/", Username = "ops", Password = "s3cret", VirtualHost = "/",
    };

    // Trimmed from a real answer: a busy queue, an idle one without message_stats, one the broker has just declared.
    private const string Queues = """
        [
          {"name": "price-budget", "messages": 7, "messages_ready": 5, "messages_unacknowledged": 2, "consumers": 3,
           "message_stats": {"publish": 120, "publish_details": {"rate": 12.5}, "deliver_get": 118, "deliver_get_details": {"rate": 11.75}}},
          {"name": "completion-time", "messages": 0, "messages_ready": 0, "messages_unacknowledged": 0, "consumers": 1},
          {"name": "a-new-queue", "consumers": 0}
        ]
        """;

    [Fact]
    public async Task Should_answer_each_queue_with_depth_consumers_and_rates_sorted_by_name()
    {
        var api = FakeManagementApi.Answering(Queues);
        var (status, body) = await ExecuteAsync(api);

        Assert.Equal(StatusCodes.Status200OK, status);
        var queues = body.EnumerateArray().ToArray();
        Assert.Equal(["a-new-queue", "completion-time", "price-budget"], queues.Select(q => q.GetProperty("name").GetString()));
        var busy = queues[2];
        Assert.Equal(7, busy.GetProperty("depth").GetInt64());
        Assert.Equal(5, busy.GetProperty("messages_ready").GetInt64());
        Assert.Equal(2, busy.GetProperty("messages_unacknowledged").GetInt64());
        Assert.Equal(3, busy.GetProperty("consumers").GetInt32());
        Assert.Equal(12.5, busy.GetProperty("publish_rate").GetDouble());
        Assert.Equal(11.75, busy.GetProperty("deliver_rate").GetDouble());
        Assert.Equal((0L, 0, 0.0), (queues[0].GetProperty("depth").GetInt64(), queues[0].GetProperty("consumers").GetInt32(), queues[0].GetProperty("publish_rate").GetDouble()));
    }

    [Fact]
    public async Task Should_ask_for_the_virtual_hosts_queues_with_basic_auth()
    {
        var api = FakeManagementApi.Answering("[]");
        await ExecuteAsync(api, new RabbitManagementOptions { ManagementUrl = Options.ManagementUrl, Username = "ops", Password = "s3cret", VirtualHost = "iayos/prod" });

        var request = Assert.Single(api.Requests);
        Assert.Equal("http://rabbit.test:15672/api/queues/iayos%2Fprod", request.RequestUri!.AbsoluteUri);
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal("ops:s3cret", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
    }

    [Fact]
    public async Task Should_answer_503_saying_the_management_api_is_unreachable_when_it_cannot_be_reached()
    {
        var api = FakeManagementApi.Failing(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (rabbit.test:15672)"));
        var (status, body) = await ExecuteAsync(api);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Equal("The RabbitMQ management API is unavailable.", body.GetProperty("title").GetString());
        Assert.Equal("management_api_unreachable", body.GetProperty("reason").GetString());
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains("could not be reached", detail);
        Assert.DoesNotContain("rabbit.test", detail);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "[]", "answered 401")]
    [InlineData(HttpStatusCode.OK, "<html>not json</html>", "not a list of queues")]
    [InlineData(HttpStatusCode.OK, """{"error": "not_found"}""", "not a list of queues")]
    public async Task Should_answer_503_when_the_management_api_refuses_or_answers_nonsense(HttpStatusCode answered, string json, string said)
    {
        var (status, body) = await ExecuteAsync(FakeManagementApi.Answering(json, answered));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, status);
        Assert.Contains(said, body.GetProperty("detail").GetString());
    }

    private static async Task<(int Status, JsonElement Body)> ExecuteAsync(FakeManagementApi api, RabbitManagementOptions? options = null)
    {
        using var http = new HttpClient(api);
        var client = new RabbitManagementClient(http, options ?? Options);
        var result = await OpsEndpoints.QueuesAsync(client, NullLogger.Instance, CancellationToken.None);

        var services = new ServiceCollection().AddLogging();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        var stream = new MemoryStream();
        context.Response.Body = stream;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, JsonDocument.Parse(stream.ToArray()).RootElement);
    }
}
