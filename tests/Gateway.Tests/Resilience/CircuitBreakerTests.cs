using iAyos.Messaging.Gateway.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace iAyos.Messaging.Gateway.Tests.Resilience;

public class CircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly CircuitBreaker _breaker;

    public CircuitBreakerTests() =>
        _breaker = new CircuitBreaker("inference-price", new CircuitBreakerOptions { FailureThreshold = 3, OpenSeconds = 2, ProbesToClose = 1 }, _clock, NullLogger.Instance);

    [Fact]
    public void Should_stay_closed_until_the_threshold_of_consecutive_timeouts()
    {
        _breaker.TimedOut(wasProbe: false);
        _breaker.TimedOut(wasProbe: false);
        _breaker.Answered(wasProbe: false);
        _breaker.TimedOut(wasProbe: false);
        _breaker.TimedOut(wasProbe: false);

        Assert.True(_breaker.Admit().Allowed);
        Assert.Equal("closed", _breaker.StateName);
    }

    [Fact]
    public void Should_reject_at_once_with_the_reason_after_consecutive_timeouts()
    {
        for (var i = 0; i < 3; i++)
            _breaker.TimedOut(wasProbe: false);

        var admission = _breaker.Admit();

        Assert.False(admission.Allowed);
        Assert.Equal(FallbackReasons.CircuitOpen, admission.Reason);
        Assert.Equal(TimeSpan.FromSeconds(2), admission.RetryAfter);
        Assert.True(_breaker.Tripped.IsCompleted);
    }

    [Fact]
    public void Should_let_one_probe_through_after_the_open_period_and_close_when_it_is_answered()
    {
        for (var i = 0; i < 3; i++)
            _breaker.TimedOut(wasProbe: false);
        _clock.Advance(TimeSpan.FromSeconds(2));

        var probe = _breaker.Admit();
        var second = _breaker.Admit();
        _breaker.Answered(wasProbe: true);

        Assert.True(probe is { Allowed: true, IsProbe: true });
        Assert.False(second.Allowed);
        Assert.Equal("closed", _breaker.StateName);
        Assert.True(_breaker.Admit() is { Allowed: true, IsProbe: false });
        Assert.False(_breaker.Tripped.IsCompleted);
    }

    [Fact]
    public void Should_open_again_for_a_full_period_when_the_probe_times_out()
    {
        for (var i = 0; i < 3; i++)
            _breaker.TimedOut(wasProbe: false);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(_breaker.Admit().IsProbe);

        _breaker.TimedOut(wasProbe: true);
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(_breaker.Admit().Allowed);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_breaker.Admit().IsProbe);
    }

    [Fact]
    public void Should_open_at_once_when_the_queue_has_no_consumer_and_stay_open_while_there_is_none()
    {
        _breaker.WorkersGone(FallbackReasons.NoWorker);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var admission = _breaker.Admit();

        Assert.False(admission.Allowed);
        Assert.Equal(FallbackReasons.NoWorker, admission.Reason);
    }

    [Fact]
    public void Should_probe_at_once_when_consumers_come_back()
    {
        _breaker.WorkersGone(FallbackReasons.BrokerUnreachable);

        _breaker.WorkersPresent();

        Assert.True(_breaker.Admit() is { Allowed: true, IsProbe: true });
    }

    [Fact]
    public void Should_signal_requests_already_waiting_when_it_opens()
    {
        var waiting = _breaker.Tripped;

        _breaker.WorkersGone(FallbackReasons.NoWorker);

        Assert.True(waiting.IsCompleted);
    }

    [Fact]
    public void Should_not_count_a_late_timeout_of_a_request_let_through_before_it_opened_against_the_probe()
    {
        _breaker.WorkersGone(FallbackReasons.NoWorker);
        _breaker.WorkersPresent();
        Assert.True(_breaker.Admit().IsProbe);

        _breaker.TimedOut(wasProbe: false);

        Assert.False(_breaker.Admit().Allowed); // the probe is still the only one out
        _breaker.Answered(wasProbe: true);
        Assert.Equal("closed", _breaker.StateName);
    }

    [Fact]
    public void Should_let_another_probe_go_when_one_is_abandoned()
    {
        _breaker.WorkersGone(FallbackReasons.NoWorker);
        _breaker.WorkersPresent();
        Assert.True(_breaker.Admit().IsProbe);

        _breaker.ProbeAbandoned();

        Assert.True(_breaker.Admit().IsProbe);
    }

    [Fact]
    public void Should_close_only_after_the_configured_probes_in_a_row_have_been_answered()
    {
        var breaker = new CircuitBreaker("inference-price", new CircuitBreakerOptions { ProbesToClose = 3, WarmUpSeconds = 60 }, _clock, NullLogger.Instance);
        breaker.WorkersGone(FallbackReasons.NoWorker);
        breaker.WorkersPresent();

        for (var i = 0; i < 2; i++)
        {
            Assert.True(breaker.Admit().IsProbe);
            Assert.False(breaker.Admit().Allowed); // one probe at a time; the rest are answered at once
            breaker.Answered(wasProbe: true);
            Assert.NotEqual("closed", breaker.StateName);
        }
        Assert.True(breaker.Admit().IsProbe);
        breaker.Answered(wasProbe: true);

        Assert.Equal("closed", breaker.StateName);
    }

    [Fact]
    public void Should_not_close_on_a_late_answer_to_a_request_let_through_before_it_opened()
    {
        _breaker.WorkersGone(FallbackReasons.NoWorker);

        _breaker.Answered(wasProbe: false);

        Assert.Equal("open", _breaker.StateName);
    }

    [Fact]
    public void Should_close_when_the_warm_up_period_has_passed_since_the_first_probe_answer_at_low_traffic()
    {
        var breaker = new CircuitBreaker("inference-price", new CircuitBreakerOptions { ProbesToClose = 50, WarmUpSeconds = 2 }, _clock, NullLogger.Instance);
        breaker.WorkersGone(FallbackReasons.NoWorker);
        breaker.WorkersPresent();
        Assert.True(breaker.Admit().IsProbe);
        breaker.Answered(wasProbe: true);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(breaker.Admit().IsProbe);
        breaker.Answered(wasProbe: true);
        Assert.NotEqual("closed", breaker.StateName);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(breaker.Admit().IsProbe);
        breaker.Answered(wasProbe: true);

        Assert.Equal("closed", breaker.StateName);
    }
}
