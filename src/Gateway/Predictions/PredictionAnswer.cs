using System.Text.Json;
using System.Text.Json.Nodes;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Predictions.Coalescing;
using iAyos.Messaging.Platform.Metrics;
using iAyos.Messaging.Predictions.Models;
using MassTransit;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>
/// A validated request answered the one way every prediction route answers: by an InferenceWorker over the bus,
/// or, when none answers, by the kind's estimator in the Gateway with <c>fallback_reason</c>; a worker's fault
/// becomes a problem.
/// </summary>
public static class PredictionAnswer
{
    /// <param name="extra">Fields of the route's own (a job id), put before the prediction's in the response object.</param>
    public static async Task<IResult> AnswerAsync<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, TRequest request,
        IServiceProvider services, IReadOnlyDictionary<string, object?>? extra = null)
        where TRequest : class
        where TResponse : class
    {
        TResponse response;
        string? fallbackReason = null;
        switch (await AskAsync(kind, request, services))
        {
            case InferenceOutcome<TResponse>.Answered answered:
                response = answered.Response;
                break;
            case InferenceOutcome<TResponse>.Faulted faulted:
                return Problems.WorkerFault(faulted.CorrelationId, faulted.ExceptionType, faulted.DependencyDown);
            case InferenceOutcome<TResponse>.Silent silent:
                // The gateway answers itself from the same estimator code, and says so in "source" and why in "fallback_reason".
                response = kind.Estimate(request, GatewayContext.Of(services), PredictionSources.GatewayFallback);
                PredictionMetrics.Produced(kind.Name, PredictionSources.GatewayFallback);
                fallbackReason = silent.Reason;
                break;
            default:
                throw new InvalidOperationException("Unknown inference outcome.");
        }
        if (extra is null)
            return fallbackReason is null ? Results.Ok(response) : GatewayFallback.Answer(response, fallbackReason, services);

        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = new JsonObject();
        foreach (var (name, value) in extra)
            body[name] = JsonSerializer.SerializeToNode(value, json);
        foreach (var (name, value) in JsonSerializer.SerializeToNode(response, json)!.AsObject().ToList())
            body[name] = value?.DeepClone();
        if (fallbackReason is not null)
            body[GatewayFallback.ReasonField] = fallbackReason;
        return Results.Json(body, json);
    }

    /// <summary>Through the kind's coalescer (one bus message for the requests that arrive together), or alone when coalescing is off.</summary>
    private static Task<InferenceOutcome<TResponse>> AskAsync<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind, TRequest request, IServiceProvider services)
        where TRequest : class
        where TResponse : class
    {
        var coalescers = services.GetRequiredService<PredictionCoalescers>();
        if (coalescers.Enabled)
            return coalescers.For(kind).AskAsync(request);
        var client = services.GetRequiredService<IRequestClient<TRequest>>();
        return services.GetRequiredService<InferenceCaller>().AskAsync<TRequest, TResponse>(kind.Queue, client, request);
    }
}
