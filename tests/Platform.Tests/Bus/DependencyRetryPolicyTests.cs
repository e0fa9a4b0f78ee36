using System.Net.Sockets;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.Platform.Bus;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.RetryPolicies;
using Npgsql;

namespace iAyos.Messaging.Platform.Tests.Bus;

/// <summary>The retry policy of endpoints that wait out outages, as <see cref="RetryPolicy.UseRetryAndWaitOutOutages"/> configures it.</summary>
public class DependencyRetryPolicyTests
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(4)];
    private const int Immediate = 2;

    private static readonly IRetryPolicy Policy = MassTransit.Retry.CreatePolicy(r => RetryPolicy.DependencyRetry(r, Delays, Immediate));

    private static Exception DatabaseDown() => new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused));

    private static Exception Bug() => new InvalidOperationException("a bug");

    private static Exception Invalid() => new InvalidRequestException(new Dictionary<string, string[]> { ["amount"] = ["must be positive."] });

    /// <summary>Runs <paramref name="failures"/> in order (the last one for every further attempt); returns the attempts made and what escaped.</summary>
    private static async Task<(int Attempts, Exception? Escaped)> RunAsync(params Func<Exception>[] failures)
    {
        var attempts = 0;
        try
        {
            await Policy.Retry(() =>
            {
                var failure = failures[Math.Min(attempts, failures.Length - 1)];
                attempts++;
                throw failure();
            }, log: false);
        }
        catch (Exception ex)
        {
            return (attempts, ex);
        }
        return (attempts, null);
    }

    [Fact]
    public async Task Should_retry_a_transient_failure_once_per_delay_then_let_it_go()
    {
        var (attempts, escaped) = await RunAsync(DatabaseDown);

        Assert.Equal(1 + Delays.Length, attempts);
        Assert.IsType<NpgsqlException>(escaped);
    }

    [Fact]
    public async Task Should_retry_another_failure_at_once_a_few_times()
    {
        var (attempts, escaped) = await RunAsync(Bug);

        Assert.Equal(1 + Immediate, attempts);
        Assert.IsType<InvalidOperationException>(escaped);
    }

    [Fact]
    public async Task Should_not_retry_an_invalid_message()
    {
        var (attempts, escaped) = await RunAsync(Invalid);

        Assert.Equal(1, attempts);
        Assert.IsType<InvalidRequestException>(escaped);
    }

    [Fact]
    public async Task Should_count_transient_and_other_failures_apart()
    {
        // Two outages, then a bug for good: both allowances are spent in full.
        var (attempts, _) = await RunAsync(DatabaseDown, DatabaseDown, Bug);

        Assert.Equal(1 + 2 + Immediate, attempts);
    }

    [Fact]
    public async Task Should_succeed_when_the_dependency_comes_back_within_the_retries()
    {
        var attempts = 0;
        await Policy.Retry(() => ++attempts < 3 ? throw DatabaseDown() : Task.CompletedTask, log: false);

        Assert.Equal(3, attempts);
    }

    [Fact]
    public void Should_wait_the_backoff_delays_before_transient_retries_and_none_before_others()
    {
        var policyContext = Policy.CreatePolicyContext(new TestPipeContext());

        Assert.True(policyContext.CanRetry(DatabaseDown(), out var first));
        Assert.True(first.CanRetry(DatabaseDown(), out var second));
        Assert.True(second.CanRetry(Bug(), out var third));

        Assert.Equal(Delays[0], first.Delay);
        Assert.Equal(Delays[1], second.Delay);
        Assert.Null(third.Delay);
    }

    private sealed class TestPipeContext : BasePipeContext, PipeContext;
}
