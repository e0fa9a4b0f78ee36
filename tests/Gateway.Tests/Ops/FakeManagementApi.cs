using System.Net;

namespace iAyos.Messaging.Gateway.Tests.Ops;

/// <summary>Stands in for RabbitMQ's management API: answers each request with what the test chose, and keeps the requests.</summary>
internal sealed class FakeManagementApi(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public static FakeManagementApi Answering(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(_ => new HttpResponseMessage(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    public static FakeManagementApi Failing(Exception error) => new(_ => throw error);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }
}
