using System.Net;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Onnx.Writer;
using iAyos.Messaging.Platform.Metrics;
using iAyos.Messaging.Predictions.PriceBudget;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace iAyos.Messaging.InferenceWorker.Tests;

/// <summary>
/// The InferenceWorker's series on /metrics: the consumers run on the in-memory harness and a host with the
/// platform's metrics wiring (what ServiceDefaults gives the worker) scrapes the same process's meters.
/// </summary>
[Collection(MetricsCollection.Name)]
public class When_metrics_are_scraped(ITestOutputHelper output)
{
    /// <summary>A price model whose three outputs are ln(1001), ln(2001), ln(1501) whatever the features.</summary>
    private static OnnxSession ConstantPriceModel() =>
        OnnxSession.FromBytes(new OnnxGraphBuilder("price")
            .AddInput("features", null, PriceFeatureSpec.SeedFeatureCount)
            .AddInitializer("w", new float[PriceFeatureSpec.SeedFeatureCount * 3], PriceFeatureSpec.SeedFeatureCount, 3)
            .AddInitializer("b", [(float)Math.Log(1001), (float)Math.Log(2001), (float)Math.Log(1501)], 3)
            .AddNode("Gemm", ["features", "w", "b"], ["prices"])
            .AddOutput("prices", null, 3)
            .ToModelBytes());

    [Fact]
    public async Task Should_show_predictions_by_kind_and_source_batches_and_consumer_faults_per_queue()
    {
        await using var metrics = await StartMetricsHostAsync();
        await using var withModel = await InferenceHarness.StartAsync(BatchingMode.Micro);
        withModel.Services.GetRequiredService<ActiveModels>().Put(new LoadedModel(PriceBudgetKind.KindName, 1, "sha",
            ConstantPriceModel(), DateTimeOffset.UtcNow, new PriceFeatureSpec { Categories = ["Plumbing"] }));
        await using var withoutModel = await InferenceHarness.StartAsync(BatchingMode.Micro);

        var modelled = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            withModel.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = $"Fix sink {i}", CategoryId = 1 })));
        var estimated = await withoutModel.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", CategoryId = 1 });
        // An invalid request faults in the consumer: MassTransit counts it per queue.
        await Assert.ThrowsAsync<RequestFaultException>(() =>
            withoutModel.Client<PredictPrice>().GetResponse<PricePrediction>(new PredictPrice { Title = "Fix sink", Urgency = "ASAP" }));
        Assert.All(modelled, r => Assert.Equal(PredictionSources.Model, r.Message.Source));
        Assert.Equal(PredictionSources.Fallback, estimated.Message.Source);

        using var http = new HttpClient { BaseAddress = Address(metrics) };
        var response = await http.GetAsync(MetricsEndpoint.Path);
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var kind = $"kind=\"{PriceBudgetKind.KindName}\"";
        Assert.True(Count(text, "iayos_predictions_total", kind, "source=\"model\"") >= 8);
        Assert.True(Count(text, "iayos_predictions_total", kind, "source=\"fallback\"") >= 1);
        Assert.Contains("# TYPE iayos_inference_batch_rows histogram", text);
        Assert.True(Count(text, "iayos_inference_batch_rows_sum") >= 8);
        Assert.True(Count(text, "iayos_inference_run_duration_seconds_count") >= 1);
        var queue = $"messaging_masstransit_destination=\"{PriceBudgetKind.QueueName}\"";
        Assert.True(Count(text, "messaging_masstransit_consume_duration_milliseconds_count", queue) >= 10);
        Assert.True(Count(text, "messaging_masstransit_consume_errors_ea_total", queue) >= 1);
    }

    /// <summary>The sum of a series' samples whose labels include those given.</summary>
    private static double Count(string text, string name, params string[] labels) =>
        text.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Where(line => labels.All(line.Contains))
            .Sum(line => double.Parse(line[(line.LastIndexOf('}') + 2)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<WebApplication> StartMetricsHostAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddPlatformMetrics();
        var app = builder.Build();
        app.MapMetricsEndpoint();
        await app.StartAsync();
        return app;
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

/// <summary>
/// Runs alone: the test starts two harnesses and a web host at once, and on a loaded machine that slowed the
/// harness-timed reload tests running beside it past their inactivity timeout.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics (alone)";
}
