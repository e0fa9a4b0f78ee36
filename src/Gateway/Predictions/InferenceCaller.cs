using iAyos.Messaging.Gateway.Resilience;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>What came back from asking an InferenceWorker.</summary>
public abstract record InferenceOutcome<TResponse>
{
    public sealed record Answered(TResponse Response) : InferenceOutcome<TResponse>;

    /// <summary>No worker answered: none running, broker down, the queue backed up, or the path's breaker open.</summary>
    /// <param name="Reason">One of <see cref="FallbackReasons"/>.</param>
    public sealed record Silent(string Reason) : InferenceOutcome<TResponse>;

    /// <summary>A worker took the request and failed on it.</summary>
    /// <param name="DependencyDown">The failure was a dependency of the worker (its database), not the request.</param>
    public sealed record Faulted(string? CorrelationId, string ExceptionType, bool DependencyDown) : InferenceOutcome<TResponse>;
}

/// <summary>
/// Asks a worker over the bus, through the circuit breaker of the request's queue, bounded by the configured
/// timeout. While the breaker is open the caller answers at once. The wait is bounded from outside
/// (<see cref="Task.WaitAsync(TimeSpan)"/>) rather than by cancelling the bus call: cancelling an AMQP operation
/// half-way can leave RabbitMQ.Client's channel broken for every later request.
/// </summary>
public sealed class InferenceCaller(IOptions<GatewayOptions> options, CircuitBreakers breakers, ILogger<InferenceCaller> logger)
{
    /// <summary>Slack after the request timeout for MassTransit to report it before we stop waiting.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(250);

    private static readonly Task Never = new TaskCompletionSource().Task;

    public async Task<InferenceOutcome<TResponse>> AskAsync<TRequest, TResponse>(string queue, IRequestClient<TRequest> client, TRequest request)
        where TRequest : class
        where TResponse : class
    {
        var breaker = breakers.For(queue);
        var admission = breaker.Admit();
        if (!admission.Allowed)
            return new InferenceOutcome<TResponse>.Silent(admission.Reason!);

        InferenceOutcome<TResponse> outcome;
        try
        {
            outcome = await SendAsync<TRequest, TResponse>(client, request, options.Value.InferenceTimeoutMs, breaker.CutShortBy(admission));
        }
        catch when (admission.IsProbe)
        {
            breaker.ProbeAbandoned(); // an unexpected failure must not leave the breaker waiting on this probe for good
            throw;
        }
        switch (outcome)
        {
            case InferenceOutcome<TResponse>.Answered or InferenceOutcome<TResponse>.Faulted:
                breaker.Answered(admission.IsProbe);
                break;
            case InferenceOutcome<TResponse>.Silent { Reason: FallbackReasons.Timeout }:
                breaker.TimedOut(admission.IsProbe);
                break;
        }
        return outcome;
    }

    /// <summary>Asks without the breaker: for the start-up request that sets up the response path.</summary>
    public Task<InferenceOutcome<TResponse>> AskDirectAsync<TRequest, TResponse>(IRequestClient<TRequest> client, TRequest request)
        where TRequest : class
        where TResponse : class =>
        SendAsync<TRequest, TResponse>(client, request, options.Value.InferenceTimeoutMs, Never);

    private async Task<InferenceOutcome<TResponse>> SendAsync<TRequest, TResponse>(IRequestClient<TRequest> client, TRequest request, int timeoutMs, Task tripped)
        where TRequest : class
        where TResponse : class
    {
        var pending = client.GetResponse<TResponse>(request, TransientRequest<TRequest>.Pipe, CancellationToken.None, RequestTimeout.After(ms: timeoutMs));
        try
        {
            var first = await Task.WhenAny(pending, tripped).WaitAsync(TimeSpan.FromMilliseconds(timeoutMs) + Grace);
            if (first != pending)
            {
                Observe(pending);
                return new InferenceOutcome<TResponse>.Silent(FallbackReasons.CircuitOpen);
            }
            var response = await pending;
            return new InferenceOutcome<TResponse>.Answered(response.Message);
        }
        catch (RequestFaultException ex)
        {
            var exception = ex.Fault?.Exceptions.FirstOrDefault();
            var correlationId = ex.Fault?.FaultId.ToString();
            var type = exception?.ExceptionType ?? nameof(RequestFaultException);
            logger.LogError("Worker faulted on {Request} (fault {FaultId}): {Type}: {Reason}", typeof(TRequest).Name, correlationId, type, exception?.Message ?? ex.Message);
            return new InferenceOutcome<TResponse>.Faulted(correlationId, ShortName(type), DependencyFailures.IsDependencyFault(ex.Fault));
        }
        catch (Exception ex) when (ex is RequestTimeoutException or TimeoutException or OperationCanceledException or MassTransitException)
        {
            Observe(pending);
            logger.LogWarning("No worker answered {Request} within {TimeoutMs} ms ({Reason})", typeof(TRequest).Name, timeoutMs, ex.GetType().Name);
            return new InferenceOutcome<TResponse>.Silent(FallbackReasons.Timeout);
        }
    }

    /// <summary>
    /// Requests are sent transient (not persistent). Each expires with its caller's timeout (MassTransit sets its
    /// time-to-live), so a copy on the broker's disk would outlive every use; and RabbitMQ confirms a persistent
    /// message on a durable queue only once it is on disk. At 500 predictions/s that wait was a millisecond at the
    /// median and 4 ms at p99 (bench/throughput.sh).
    /// </summary>
    private static class TransientRequest<TRequest>
        where TRequest : class
    {
        public static readonly RequestPipeConfiguratorCallback<TRequest> Pipe = x => x.UseExecute(context => context.Durable = false);
    }

    /// <summary>A bus call we stopped waiting for still finishes (or fails) later; observe it so it is not reported as unobserved.</summary>
    private static void Observe(Task pending) =>
        _ = pending.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);

    private static string ShortName(string type) => type[(type.LastIndexOf('.') + 1)..];
}
