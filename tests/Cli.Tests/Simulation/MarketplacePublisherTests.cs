using System.Collections.Concurrent;
using System.CommandLine;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Contracts.Marketplace;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Cli.Tests.Simulation;

public sealed class MarketplacePublisherTests
{
    private sealed class Recorder : IProgress<int>
    {
        public ConcurrentBag<int> Values { get; } = [];
        public void Report(int value) => Values.Add(value);
    }

    [Fact]
    public async Task Publishes_every_event_as_its_concrete_type()
    {
        var market = MarketplaceGenerator.Generate(DefaultMarket.Spec with { Jobs = 150, Cleaners = 30, Clients = 40 });
        await using var provider = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var progress = new Recorder();

        var report = await MarketplacePublisher.PublishAsync(market.Events, harness.Bus, progress, CancellationToken.None);

        Assert.Equal(market.Events.Count, report.Published);
        Assert.True(report.EventsPerSecond > 0);
        Assert.Equal(market.Events.Count, progress.Values.Count);
        Assert.Equal(market.Events.Count, progress.Values.Max());

        var published = harness.Published.Select(_ => true).ToList();
        Assert.Equal(market.Events.Count, published.Count);
        // Published under the concrete contract, not the IMarketplaceEvent interface or object.
        var byId = published.ToDictionary(p => ((IMarketplaceEvent)p.MessageObject).EventId);
        foreach (var evt in market.Events)
        {
            Assert.True(byId.TryGetValue(evt.EventId, out var message), $"{evt.GetType().Name} {evt.EventId} not published");
            Assert.Equal(evt.GetType(), message.MessageType);
            Assert.Equal(evt, message.MessageObject);
        }
        Assert.True(await harness.Published.Any<ReviewSubmitted>());
        Assert.True(await harness.Published.Any<PaymentRecorded>());
    }

    private static readonly PublishRetry QuickRetry = new(4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(4), TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Tries_a_failed_publish_again_until_it_is_confirmed()
    {
        var market = MarketplaceGenerator.Generate(DefaultMarket.Spec with { Jobs = 30, Cleaners = 10, Clients = 10 });
        var attempts = new ConcurrentDictionary<Guid, int>();
        var confirmed = new ConcurrentBag<Guid>();

        // Every event fails twice (as while the broker is away), then is confirmed.
        var report = await MarketplacePublisher.PublishAsync(market.Events, (evt, _) =>
        {
            if (attempts.AddOrUpdate(evt.EventId, 1, (_, n) => n + 1) <= 2)
                throw new InvalidOperationException("broker unreachable");
            confirmed.Add(evt.EventId);
            return Task.CompletedTask;
        }, null, CancellationToken.None, retry: QuickRetry);

        Assert.Equal(market.Events.Count, report.Published);
        Assert.Equal(2 * market.Events.Count, report.Retries);
        Assert.Equal(market.Events.Select(e => e.EventId).Order(), confirmed.Order());
    }

    [Fact]
    public async Task Gives_up_on_an_event_after_its_last_attempt()
    {
        var market = MarketplaceGenerator.Generate(DefaultMarket.Spec with { Jobs = 10, Cleaners = 5, Clients = 5 });
        var poisoned = market.Events[3].EventId;
        var attemptsOnPoisoned = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MarketplacePublisher.PublishAsync(market.Events, (evt, _) =>
        {
            if (evt.EventId == poisoned)
            {
                Interlocked.Increment(ref attemptsOnPoisoned);
                throw new InvalidOperationException("never confirmed");
            }
            return Task.CompletedTask;
        }, null, CancellationToken.None, maxInFlight: 1, retry: QuickRetry));

        Assert.Equal("never confirmed", error.Message);
        Assert.Equal(QuickRetry.Attempts, attemptsOnPoisoned);
    }

    [Fact]
    public void Backoff_doubles_up_to_its_ceiling()
    {
        var retry = new PublishRetry(10, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        Assert.Equal([100, 200, 400, 800, 1000, 1000], Enumerable.Range(1, 6).Select(n => retry.DelayBefore(n).TotalMilliseconds));
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        var market = MarketplaceGenerator.Generate(DefaultMarket.Spec with { Jobs = 50, Cleaners = 20, Clients = 20 });
        await using var provider = new ServiceCollection().AddMassTransitTestHarness().BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => MarketplacePublisher.PublishAsync(market.Events, harness.Bus, null, cts.Token));
    }
}

public sealed class GenerateMarketplaceCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 42, 7, TimeSpan.FromHours(2));

    [Fact]
    public void Defaults_are_the_seeds_command_as_of_today_midnight_utc()
    {
        Assert.True(GenerateMarketplaceCommand.TryParse([GenerateMarketplaceCommand.Name], Now, out var spec, out var error));
        Assert.Null(error);
        Assert.Equal(new MarketplaceSpec(5000, 200, 500, 42, new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)), spec);
    }

    [Fact]
    public void Reads_every_option()
    {
        string[] args = [GenerateMarketplaceCommand.Name, "--jobs", "100", "--cleaners", "20", "--clients=30", "--seed", "7", "--as-of", "2026-11-01"];
        Assert.True(GenerateMarketplaceCommand.TryParse(args, Now, out var spec, out _));
        Assert.Equal(new MarketplaceSpec(100, 20, 30, 7, new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)), spec);

        Assert.True(GenerateMarketplaceCommand.TryParse(["--as-of", "2026-11-01T12:00:00+02:00"], Now, out spec, out _));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero), spec.AsOf);
        Assert.Equal(TimeSpan.Zero, spec.AsOf.Offset);
    }

    [Fact]
    public async Task Runs_against_a_bus_and_answers_2_for_bad_arguments()
    {
        var root = new RootCommand { GenerateMarketplaceCommand.Create((services, _) => services.AddMassTransit(x => x.UsingInMemory())) };

        Assert.Equal(2, await IayosCommand.InvokeAsync(root, [GenerateMarketplaceCommand.Name, "--jobs", "lots"], new StringWriter(), new StringWriter()));
        Assert.Equal(0, await IayosCommand.InvokeAsync(root,
            [GenerateMarketplaceCommand.Name, "--jobs", "40", "--cleaners", "10", "--clients", "10", "--seed", "1", "--as-of", "2026-11-22"],
            new StringWriter(), new StringWriter()));
    }

    [Theory]
    [InlineData("--jobs", "many")]
    [InlineData("--jobs", "-5")]
    [InlineData("--cleaners", "0")]
    [InlineData("--clients", "0")]
    [InlineData("--seed", "x")]
    [InlineData("--as-of", "yesterday")]
    [InlineData("--colour", "blue")]
    [InlineData("--jobs")]
    public void Refuses_bad_arguments(params string[] options)
    {
        Assert.False(GenerateMarketplaceCommand.TryParse([GenerateMarketplaceCommand.Name, .. options], Now, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }
}
