using System.Diagnostics.Metrics;
using iAyos.Messaging.Gateway.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace iAyos.Messaging.Gateway.Tests.Resilience;

public sealed class WatchScheduleTests : IDisposable
{
    private static readonly string[] Queues = ["inference-price", "inference-trust", "scoring-recommendations"];
    private readonly FakeTimeProvider _clock = new();
    private readonly CircuitBreakerOptions _options = new() { WatchIntervalMs = 50, IdleWatchIntervalMs = 1000 };
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly CircuitBreakers _breakers;
    private readonly WatchSchedule _schedule;

    public WatchScheduleTests()
    {
        _breakers = new CircuitBreakers(Options.Create(_options), _clock, NullLogger<CircuitBreakers>.Instance, _services.GetRequiredService<IMeterFactory>());
        _schedule = new WatchSchedule(_breakers, Queues, _options, _clock);
    }

    public void Dispose() => _services.Dispose();

    private void ReadAll()
    {
        foreach (var queue in _schedule.Due())
            _schedule.Read(queue);
    }

    [Fact]
    public void Should_read_every_path_on_the_first_pass()
    {
        Assert.Equal(Queues, _schedule.Due());
    }

    [Fact]
    public void Should_read_an_idle_path_once_per_idle_interval()
    {
        ReadAll();

        _clock.Advance(TimeSpan.FromMilliseconds(50));
        var soon = _schedule.Due();
        _clock.Advance(TimeSpan.FromMilliseconds(950));
        var later = _schedule.Due();

        Assert.Empty(soon);
        Assert.Equal(Queues, later);
    }

    [Fact]
    public void Should_read_a_path_in_use_on_every_pass_until_it_goes_idle()
    {
        ReadAll();
        _breakers.For("inference-price").Admit();

        _clock.Advance(TimeSpan.FromMilliseconds(50));
        var inUse = _schedule.Due();
        ReadAll();
        _clock.Advance(TimeSpan.FromMilliseconds(950));
        var idleAgain = _schedule.Due();

        Assert.Equal(["inference-price"], inUse);
        Assert.Equal(["inference-trust", "scoring-recommendations"], idleAgain);
    }

    [Fact]
    public void Should_read_a_path_without_workers_on_every_pass_so_their_return_is_seen_at_once()
    {
        ReadAll();
        _breakers.For("inference-trust").WorkersGone(FallbackReasons.NoWorker);

        _clock.Advance(TimeSpan.FromMilliseconds(50));

        Assert.Equal(["inference-trust"], _schedule.Due());
    }

    [Fact]
    public async Task Should_wake_the_watcher_when_a_request_comes_to_an_idle_path_and_only_then()
    {
        var breaker = _breakers.For("inference-price");

        breaker.Admit();
        var wokenByFirst = await _breakers.WaitForIdlePathUseAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        breaker.Admit();
        var wokenBySecond = await _breakers.WaitForIdlePathUseAsync(TimeSpan.Zero, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        breaker.Admit();
        var wokenAfterIdle = await _breakers.WaitForIdlePathUseAsync(TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.True(wokenByFirst);
        Assert.False(wokenBySecond);
        Assert.True(wokenAfterIdle);
    }
}
