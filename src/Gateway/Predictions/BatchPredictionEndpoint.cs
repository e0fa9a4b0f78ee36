using System.Text.Json;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Security;
using iAyos.Messaging.Platform.Metrics;
using iAyos.Messaging.Predictions.Models;
using MassTransit;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>
/// <c>POST /api/ml/batch-predict</c>: up to 1,000 rows of one kind, one prediction or one set of field errors
/// per row, in order. Valid rows go to the InferenceWorker as one batch message.
/// </summary>
public static class BatchPredictionEndpoint
{
    public const int MaxRows = 1000;

    public sealed record BatchBody
    {
        /// <summary>A model kind; the default kind (completion-time, as in the seed) when absent.</summary>
        public string? Kind { get; init; }
        public IReadOnlyList<JsonElement>? Rows { get; init; }
    }

    public static IEndpointRouteBuilder MapBatchPrediction(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ml/batch-predict", async Task<IResult> (HttpRequest http, ModelKindCatalog kinds) =>
            {
                var body = await JsonBody.ReadAsync<BatchBody>(http);
                if (body.Problem is not null)
                    return body.Problem;
                var rows = body.Value!.Rows;
                if (rows is null || rows.Count == 0)
                    return Problems.InvalidField("rows", "is required: an array of 1 to 1000 request objects.");
                if (rows.Count > MaxRows)
                    return Problems.InvalidField("rows", $"must have at most {MaxRows} rows (got {rows.Count}).");
                var kind = body.Value.Kind is { } named ? kinds.FindPredicted(named) : kinds.Default;
                if (kind is null)
                    return Problems.InvalidField("kind", $"'{body.Value.Kind}' is not a prediction kind; {kinds.MustBeOnePredictedOf()}");
                return await kind.Accept(new Batch(http.HttpContext.RequestServices, rows));
            })
            .WithTags("Predictions")
            .Accepts<BatchBody>("application/json")
            .ProducesValidationProblem()
            .RequireRateLimiting(GatewayRateLimiting.Predictions)
            .WithSummary("Up to 1,000 predictions of one kind, in order, with per-row errors.");
        return app;
    }

    private sealed class Batch(IServiceProvider services, IReadOnlyList<JsonElement> rows) : IModelKindVisitor<Task<IResult>>
    {
        public async Task<IResult> Visit<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind)
            where TRequest : class
            where TResponse : class
        {
            var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var results = new object?[rows.Count];
            var parsed = new List<(int Index, TRequest Row)>();
            for (var i = 0; i < rows.Count; i++)
            {
                var errors = Parse(rows[i], json, kind, out var row);
                if (errors is null)
                    parsed.Add((i, row!));
                else
                    results[i] = new { index = i, errors };
            }
            // All rows at once: a worker named by many rows is read once.
            var enriched = await PredictionRequestEnrichment.EnrichAllAsync(services, parsed.Select(p => p.Row).ToList(), CancellationToken.None);
            var valid = new List<(int Index, TRequest Row)>();
            for (var j = 0; j < parsed.Count; j++)
            {
                if (enriched[j].IsValid)
                    valid.Add((parsed[j].Index, enriched[j].Value!));
                else
                    results[parsed[j].Index] = new { index = parsed[j].Index, errors = enriched[j].Errors };
            }

            string? fallbackReason = null;
            if (valid.Count > 0)
            {
                var caller = services.GetRequiredService<InferenceCaller>();
                var client = services.GetRequiredService<IRequestClient<PredictBatch<TRequest>>>();
                IReadOnlyList<TResponse> answered;
                switch (await caller.AskAsync<PredictBatch<TRequest>, PredictionBatch<TResponse>>(QueueNames.PredictBatch, client, new PredictBatch<TRequest> { Rows = valid.Select(v => v.Row).ToList() }))
                {
                    case InferenceOutcome<PredictionBatch<TResponse>>.Answered a:
                        answered = a.Response.Predictions;
                        break;
                    case InferenceOutcome<PredictionBatch<TResponse>>.Faulted f:
                        return Problems.WorkerFault(f.CorrelationId, f.ExceptionType, f.DependencyDown);
                    case InferenceOutcome<PredictionBatch<TResponse>>.Silent silent:
                        fallbackReason = silent.Reason;
                        var context = GatewayContext.Of(services);
                        answered = valid.Select(v => kind.Estimate(v.Row, context, PredictionSources.GatewayFallback)).ToList();
                        PredictionMetrics.Produced(kind.Name, PredictionSources.GatewayFallback, answered.Count);
                        break;
                    default:
                        throw new InvalidOperationException("Unknown inference outcome.");
                }
                for (var j = 0; j < valid.Count; j++)
                    results[valid[j].Index] = new { index = valid[j].Index, prediction = answered[j] };
            }
            return Results.Ok(new { kind = kind.Name, count = rows.Count, invalid = rows.Count - valid.Count, fallback_reason = fallbackReason, results });
        }
    }

    private static IReadOnlyDictionary<string, string[]>? Parse<TRequest, TResponse>(
        JsonElement element, JsonSerializerOptions json, ModelKind<TRequest, TResponse> kind, out TRequest? row)
        where TRequest : class
        where TResponse : class
    {
        row = null;
        if (element.ValueKind != JsonValueKind.Object)
            return new Dictionary<string, string[]> { ["row"] = ["must be a JSON object."] };
        try
        {
            var validated = kind.Validate(element.Deserialize<TRequest>(json)!);
            row = validated.Value;
            return validated.IsValid ? null : validated.Errors;
        }
        catch (JsonException ex)
        {
            return new Dictionary<string, string[]> { [JsonBody.FieldOf(ex.Path)] = ["has a value of the wrong type."] };
        }
    }
}
