using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>What came back from asking an InferenceWorker.</summary>
public abstract record InferenceOutcome<TResponse>
{
    public sealed record Answered(TResponse Response) : InferenceOutcome<TResponse>;

    /// <summary>No worker answered in time: none running, broker down, or the queue backed up.</summary>
    public sealed record Silent(string Reason) : InferenceOutcome<TResponse>;

    /// <summary>A worker took the request and failed on it.</summary>
    public sealed record Faulted(string? CorrelationId, string Reason) : InferenceOutcome<TResponse>;
}

/// <summary>
/// Asks an InferenceWorker over the bus, bounded by the configured timeout. The wait is bounded from
/// outside (<see cref="Task.WaitAsync(TimeSpan)"/>) rather than by cancelling the bus call: cancelling an
/// AMQP operation half-way can leave RabbitMQ.Client's channel broken for every later request.
/// </summary>
public sealed class InferenceCaller(IOptions<GatewayOptions> options, ILogger<InferenceCaller> logger)
{
    /// <summary>Slack after the request timeout for MassTransit to report it before we stop waiting.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(250);

    public async Task<InferenceOutcome<TResponse>> AskAsync<TRequest, TResponse>(IRequestClient<TRequest> client, TRequest request)
        where TRequest : class
        where TResponse : class
    {
        var timeoutMs = options.Value.InferenceTimeoutMs;
        var pending = client.GetResponse<TResponse>(request, CancellationToken.None, RequestTimeout.After(ms: timeoutMs));
        try
        {
            var response = await pending.WaitAsync(TimeSpan.FromMilliseconds(timeoutMs) + Grace);
            return new InferenceOutcome<TResponse>.Answered(response.Message);
        }
        catch (RequestFaultException ex)
        {
            var reason = ex.Fault?.Exceptions.FirstOrDefault()?.Message ?? ex.Message;
            var correlationId = ex.Fault?.FaultId.ToString();
            logger.LogError("InferenceWorker faulted on {Request} (fault {FaultId}): {Reason}", typeof(TRequest).Name, correlationId, reason);
            return new InferenceOutcome<TResponse>.Faulted(correlationId, reason);
        }
        catch (Exception ex) when (ex is RequestTimeoutException or TimeoutException or OperationCanceledException or MassTransitException)
        {
            // A bus call we stopped waiting for still finishes (or fails) later; observe it so it is not reported as unobserved.
            _ = pending.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            logger.LogWarning("No InferenceWorker answered {Request} within {TimeoutMs} ms ({Reason})", typeof(TRequest).Name, timeoutMs, ex.GetType().Name);
            return new InferenceOutcome<TResponse>.Silent(ex.GetType().Name);
        }
    }
}
