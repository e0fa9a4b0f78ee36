using System.Net.Sockets;
using System.Text.Json;
using iAyos.Messaging.Gateway.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace iAyos.Messaging.Gateway.Tests.Resilience;

public class DependencyExceptionHandlerTests
{
    [Fact]
    public async Task Should_answer_503_with_retry_after_and_no_address_when_postgres_is_unreachable()
    {
        var context = NewContext();
        var outage = new NpgsqlException("Failed to connect to 10.1.2.3:5433",
            new SocketException((int)SocketError.ConnectionRefused));

        var handled = await new DependencyExceptionHandler(NullLogger<DependencyExceptionHandler>.Instance)
            .TryHandleAsync(context, outage, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(503, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        var body = await ReadBodyAsync(context);
        Assert.DoesNotContain("10.1.2.3", body);
        Assert.DoesNotContain("5433", body);
        Assert.Equal("database_unavailable", JsonDocument.Parse(body).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Should_leave_other_exceptions_to_the_generic_handler()
    {
        var handled = await new DependencyExceptionHandler(NullLogger<DependencyExceptionHandler>.Instance)
            .TryHandleAsync(NewContext(), new InvalidOperationException("bug"), CancellationToken.None);

        Assert.False(handled);
    }

    private static DefaultHttpContext NewContext()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
    }

    private static async Task<string> ReadBodyAsync(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return await new StreamReader(context.Response.Body).ReadToEndAsync();
    }
}
