using iAyos.Messaging.Gateway.Http;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>
/// Asks an InferenceWorker over the bus. No answer in time (no worker, broker down, queue backed up)
/// means the gateway answers from the same estimator code itself; a worker that faulted is a 502.
/// </summary>
public sealed class InferenceCaller(IOptions<GatewayOptions> options, ILogger<InferenceCaller> logger)
{
    public async Task<IResult> AskAsync<TRequest, TResponse>(
        IRequestClient<TRequest> client, TRequest request, Func<TRequest, TResponse> fallback, CancellationToken aborted)
        where TRequest : class
        where TResponse : class
    {
        var timeout = TimeSpan.FromMilliseconds(options.Value.InferenceTimeoutMs);
        // The request timeout covers a live broker; this token also bounds a send stuck on a dead one.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(timeout);
        try
        {
            var response = await client.GetResponse<TResponse>(request, deadline.Token, RequestTimeout.After(ms: (int)timeout.TotalMilliseconds));
            return Results.Ok(response.Message);
        }
        catch (RequestFaultException ex)
        {
            var correlationId = ex.Fault?.FaultId.ToString();
            logger.LogError("InferenceWorker faulted on {Request} (fault {FaultId}): {Reason}",
                typeof(TRequest).Name, correlationId, ex.Fault?.Exceptions.FirstOrDefault()?.Message);
            return Problems.WorkerFault(correlationId, ex.Fault?.Exceptions.FirstOrDefault()?.Message ?? ex.Message);
        }
        catch (Exception ex) when (!aborted.IsCancellationRequested && ex is RequestTimeoutException or OperationCanceledException or MassTransitException)
        {
            logger.LogWarning("No InferenceWorker answered {Request} within {TimeoutMs} ms ({Reason}); answering from the gateway fallback",
                typeof(TRequest).Name, options.Value.InferenceTimeoutMs, ex.GetType().Name);
            return Results.Ok(fallback(request));
        }
    }
}
