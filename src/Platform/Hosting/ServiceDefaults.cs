using iAyos.Messaging.Platform.Health;
using iAyos.Messaging.Platform.Metrics;
using iAyos.Messaging.Platform.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace iAyos.Messaging.Platform.Hosting;

/// <summary>What every process of the platform has: logging, PostgreSQL, health checks, ProblemDetails, /metrics.</summary>
public static class ServiceDefaults
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsProduction())
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "O");
        else
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddPostgres(builder.Configuration);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("postgres", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<BrokerHealthCheck>("rabbitmq", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddSingleton<BrokerHealthCheck>();
        builder.AddPlatformMetrics();
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapMetricsEndpoint();
        return app;
    }
}
