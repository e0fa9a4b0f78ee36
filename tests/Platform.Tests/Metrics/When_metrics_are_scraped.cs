using System.Net;
using System.Text.RegularExpressions;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Platform.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace iAyos.Messaging.Platform.Tests.Metrics;

/// <summary>The metrics wiring every process gets from ServiceDefaults, on a bare Kestrel host (no database, no broker).</summary>
public class When_metrics_are_scraped
{
    [Fact]
    public async Task Should_serve_prometheus_text_with_request_durations_per_route_and_our_series()
    {
        await using var app = await StartAsync();
        using var http = new HttpClient { BaseAddress = Address(app) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/things/42")).StatusCode);
        PredictionMetrics.Produced("price_budget", PredictionSources.Model, 3);
        TrainingMetrics.EpochCompleted("price_budget", loss: 0.25, validationLoss: 0.5);

        var response = await http.GetAsync(MetricsEndpoint.Path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Single(Series(text, "http_server_request_duration_seconds_count", "http_route=\"/things/{id}\""));
        Assert.Contains("# TYPE iayos_predictions_total counter", text);
        Assert.NotEmpty(Series(text, "iayos_predictions_total", "kind=\"price_budget\"", "source=\"model\""));
        Assert.Equal("0.5", Value(Assert.Single(Series(text, "iayos_training_loss", "kind=\"price_budget\"", "split=\"validation\""))));
        Assert.NotEmpty(Series(text, "iayos_training_epochs_total", "kind=\"price_budget\""));
    }

    [Fact]
    public void Circuit_states_map_to_ordered_values()
    {
        Assert.Equal(
            [CircuitMetrics.Closed, CircuitMetrics.HalfOpen, CircuitMetrics.Open],
            new[] { "closed", "half_open", "open" }.Select(CircuitMetrics.ValueOf));
        Assert.True(CircuitMetrics.Closed < CircuitMetrics.HalfOpen && CircuitMetrics.HalfOpen < CircuitMetrics.Open);
        Assert.Throws<ArgumentOutOfRangeException>(() => CircuitMetrics.ValueOf("ajar"));
    }

    /// <summary>The lines of one series name whose labels include every one given (label order is the exporter's).</summary>
    public static IReadOnlyList<string> Series(string text, string name, params string[] labels) =>
        text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(line.Contains))
            .ToList();

    /// <summary>A sample line's value: the number after the labels, before any timestamp.</summary>
    public static string Value(string line) => Regex.Match(line, @"(?:\}|^\S+) (\S+)").Groups[1].Value;

    private static async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddPlatformMetrics();
        var app = builder.Build();
        app.MapMetricsEndpoint();
        app.MapGet("/things/{id}", (int id) => Results.Ok(id));
        await app.StartAsync();
        return app;
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
