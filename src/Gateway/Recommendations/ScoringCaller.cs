using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Gateway.Http;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Recommendations;

/// <summary>
/// Asks the ScoringWorker and maps its three possible answers: the result (200), not found (404),
/// rejected values (400). No answer in time is a 503: unlike predictions there is no estimator to fall back on.
/// </summary>
public sealed class ScoringCaller(IOptions<GatewayOptions> options, ILogger<ScoringCaller> logger)
{
    public async Task<IResult> AskAsync<TRequest, TResponse>(IRequestClient<TRequest> client, TRequest request)
        where TRequest : class
        where TResponse : class
    {
        var timeoutMs = options.Value.ScoringTimeoutMs;
        var pending = client.GetResponse<TResponse, RecommendationNotFound, RecommendationRejected>(
            request, CancellationToken.None, RequestTimeout.After(ms: timeoutMs));
        try
        {
            var response = await pending.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs + 250));
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
            var reason = ex.Fault?.Exceptions.FirstOrDefault()?.Message ?? ex.Message;
            logger.LogError("ScoringWorker faulted on {Request}: {Reason}", typeof(TRequest).Name, reason);
            return Problems.WorkerFault(ex.Fault?.FaultId.ToString(), reason);
        }
        catch (Exception ex) when (ex is RequestTimeoutException or TimeoutException or MassTransitException)
        {
            _ = pending.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            logger.LogWarning("No ScoringWorker answered {Request} within {TimeoutMs} ms", typeof(TRequest).Name, timeoutMs);
            return Problems.BusUnavailable($"No ScoringWorker answered within {timeoutMs} ms; try again.");
        }
    }
}
