using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace iAyos.Messaging.Platform.Metrics;

/// <summary>
/// <c>/metrics</c> in Prometheus text: ASP.NET Core's request duration per route, our meters
/// (<see cref="MeterNames"/>) and MassTransit's, through OpenTelemetry's Prometheus exporter.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static IHostApplicationBuilder AddPlatformMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(MeterNames.Exported)
                .AddPrometheusExporter());
        return builder;
    }

    /// <summary>Anonymous like the health endpoints, outside every rate-limit policy and absent from the OpenAPI document.</summary>
    public static IEndpointConventionBuilder MapMetricsEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(Path)
            .AllowAnonymous()
            .DisableRateLimiting()
            .ExcludeFromDescription();
}
