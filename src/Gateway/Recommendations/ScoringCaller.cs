using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Resilience;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Recommendations;

/// <summary>
/// Asks the ScoringWorker through the breaker of its queue and maps its three possible answers: the result (200),
/// not found (404), rejected values (400). No answer (in time, or at once while the breaker is open) is a 503 with
/// Retry-After: unlike predictions there is no estimator to fall back on.
/// </summary>
public sealed class ScoringCaller(IOptions<GatewayOptions> options, CircuitBreakers breakers, ILogger<ScoringCaller> logger)
{
    public async Task<IResult> AskAsync<TRequest, TResponse>(string queue, IRequestClient<TRequest> client, TRequest request)
        where TRequest : class
        where TResponse : class
    {
        var breaker = breakers.For(queue);
        var admission = breaker.Admit();
        if (!admission.Allowed)
            return NoAnswer(admission.Reason!, admission.RetryAfter);

        var timeoutMs = options.Value.ScoringTimeoutMs;
        var tripped = breaker.CutShortBy(admission);
        var pending = client.GetResponse<TResponse, RecommendationNotFound, RecommendationRejected>(
            request, CancellationToken.None, RequestTimeout.After(ms: timeoutMs));
        try
        {
            if (await Task.WhenAny(pending, tripped).WaitAsync(TimeSpan.FromMilliseconds(timeoutMs + 250)) != pending)
            {
                Observe(pending);
                return NoAnswer(FallbackReasons.CircuitOpen, TimeSpan.FromSeconds(1));
            }
            var response = await pending;
            breaker.Answered(admission.IsProbe);
            if (response.Is(out Response<TResponse>? ok))
                return Results.Ok(ok!.Message);
            if (response.Is(out Response<RecommendationNotFound>? missing))
                return Problems.NotFound(missing!.Message.Message);
            if (response.Is(out Response<RecommendationRejected>? rejected))
                return Problems.InvalidFields(rejected!.Message.Errors);
            throw new InvalidOperationException("Unexpected response type.");
        }
        catch (RequestFaultException ex)
        {
            breaker.Answered(admission.IsProbe);
            var exception = ex.Fault?.Exceptions.FirstOrDefault();
            var type = exception?.ExceptionType ?? nameof(RequestFaultException);
            logger.LogError("ScoringWorker faulted on {Request} (fault {FaultId}): {Type}: {Reason}",
                typeof(TRequest).Name, ex.Fault?.FaultId, type, exception?.Message ?? ex.Message);
            return Problems.WorkerFault(ex.Fault?.FaultId.ToString(), type[(type.LastIndexOf('.') + 1)..], DependencyFailures.IsDependencyFault(ex.Fault));
        }
        catch (Exception ex) when (ex is RequestTimeoutException or TimeoutException or MassTransitException)
        {
            Observe(pending);
            breaker.TimedOut(admission.IsProbe);
            logger.LogWarning("No ScoringWorker answered {Request} within {TimeoutMs} ms ({Reason})", typeof(TRequest).Name, timeoutMs, ex.GetType().Name);
            return NoAnswer(FallbackReasons.Timeout, TimeSpan.FromSeconds(1));
        }
        catch when (admission.IsProbe)
        {
            breaker.ProbeAbandoned(); // an unexpected failure must not leave the breaker waiting on this probe for good
            throw;
        }
    }

    private static IResult NoAnswer(string reason, TimeSpan retryAfter) => Problems.Unavailable(
        "No ScoringWorker answered.",
        reason switch
        {
            FallbackReasons.NoWorker => "No ScoringWorker is running; try again once one is.",
            FallbackReasons.BrokerUnreachable => "The message bus is unreachable; try again shortly.",
            FallbackReasons.Timeout => "No ScoringWorker answered in time; try again.",
            _ => "Recent requests went unanswered; try again shortly.",
        },
        retryAfter,
        reason);

    private static void Observe(Task pending) =>
        _ = pending.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
}
