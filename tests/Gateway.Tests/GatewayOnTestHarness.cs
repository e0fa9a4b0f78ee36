using iAyos.Messaging.Contracts.Predictions;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Gateway.Tests;

/// <summary>
/// The Gateway with MassTransit's in-memory harness in place of RabbitMQ, and a stand-in price consumer
/// chosen by the test. PostgreSQL is still the real one scripts/test.sh starts (migrations, categories).
/// Tokens are checked with <see cref="TestTokens.Key"/>; <paramref name="settings"/> override any setting.
/// </summary>
public sealed class GatewayOnTestHarness(Action<IBusRegistrationConfigurator> consumers, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<GatewayOptions>
{
    public const int InferenceTimeoutMs = 500;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Gateway:InferenceTimeoutMs", InferenceTimeoutMs.ToString());
        // The in-memory harness has no queues to count consumers on; breakers work from timeouts alone here.
        builder.UseSetting("Gateway:CircuitBreaker:WatchConsumers", "false");
        builder.UseSetting("Auth:SigningKey", TestTokens.Key);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness(consumers);
            // Start returns once the bus is up: a test that never touches the bus (a 400) otherwise disposes the host
            // while the harness's endpoints are still starting, and MassTransit's Stop throws (seen once in CI).
            services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        });
    }
}

/// <summary>Test double: a worker that fails on every price request, alone or coalesced.</summary>
public sealed class FailingPriceConsumer : IConsumer<PredictPrice>, IConsumer<PredictBatch<PredictPrice>>
{
    public Task Consume(ConsumeContext<PredictPrice> context) => throw new InvalidOperationException("model file is corrupt");

    public Task Consume(ConsumeContext<PredictBatch<PredictPrice>> context) => throw new InvalidOperationException("model file is corrupt");
}

/// <summary>What the test doubles answer a coalesced price request with: one model answer per row, in order.</summary>
public static class ModelPriceAnswers
{
    public static PredictionBatch<PricePrediction> For(PredictBatch<PredictPrice> batch, Func<PredictPrice, decimal> price) => new()
    {
        Predictions = [.. batch.Rows.Select(r => new PricePrediction
        {
            MinPrice = price(r), SuggestedPrice = price(r), MaxPrice = price(r), Confidence = 0.5, Source = PredictionSources.Model, ModelVersion = 1,
        })],
    };
}
