using iAyos.Messaging.Gateway.Http;

namespace iAyos.Messaging.Gateway.Ops;

/// <summary>The operators' view: <c>/api/ops/queues</c> and the static dashboard at <c>/dashboard/</c> (wwwroot/dashboard).</summary>
public static class OpsEndpoints
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static WebApplication MapDashboard(this WebApplication app)
    {
        var options = RabbitManagementOptions.From(app.Configuration);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(options.ManagementTimeoutSeconds) };
        app.Lifetime.ApplicationStopped.Register(http.Dispose);
        var client = new RabbitManagementClient(http, options);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpsEndpoints));

        app.MapGet("/api/ops/queues", (CancellationToken ct) => QueuesAsync(client, logger, ct))
            .WithTags("Ops")
            .WithSummary("Every queue of the broker's virtual host: depth, consumers, publish and deliver rates per second.");

        // /dashboard/ is index.html; /dashboard is redirected there (the default files middleware appends the
        // slash), so the page's relative module paths resolve. No route for it: routing ignores a trailing slash.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    public static async Task<IResult> QueuesAsync(RabbitManagementClient client, ILogger logger, CancellationToken ct)
    {
        try
        {
            return Results.Ok(await client.QueuesAsync(ct));
        }
        catch (ManagementApiUnavailableException ex)
        {
            // The address stays in the log; the answer says what to check.
            logger.LogWarning(ex, "Queue statistics unavailable from {Uri}", client.QueuesUri);
            return Problems.Unavailable(
                "The RabbitMQ management API is unavailable.",
                $"{ex.Message} Queue statistics come from RabbitMQ's management plugin (RabbitMq:ManagementUrl); the broker itself may be fine.",
                RetryAfter, "management_api_unreachable");
        }
    }
}
