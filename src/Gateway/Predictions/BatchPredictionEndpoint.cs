using System.Text.Json;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.Validation;
using iAyos.Messaging.Predictions.WorkerRating;
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
        /// <summary>completion-time (default, as in the seed), price-budget or worker-rating.</summary>
        public string? Kind { get; init; }
        public IReadOnlyList<JsonElement>? Rows { get; init; }
    }

    public static IEndpointRouteBuilder MapBatchPrediction(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/ml/batch-predict", async Task<IResult> (HttpRequest http, ICategoryCatalogProvider categories) =>
            {
                var services = http.HttpContext.RequestServices;
                var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
                var body = await JsonBody.ReadAsync<BatchBody>(http);
                if (body.Problem is not null)
                    return body.Problem;
                var rows = body.Value!.Rows;
                if (rows is null || rows.Count == 0)
                    return Problems.InvalidField("rows", "is required: an array of 1 to 1000 request objects.");
                if (rows.Count > MaxRows)
                    return Problems.InvalidField("rows", $"must have at most {MaxRows} rows (got {rows.Count}).");

                var caller = services.GetRequiredService<InferenceCaller>();
                return (body.Value.Kind ?? ModelKinds.CompletionTime) switch
                {
                    ModelKinds.PriceBudget => await RunAsync<PredictPrice, PricePrediction, PricePredictionBatch>(ModelKinds.PriceBudget, rows, json, PriceRequestValidator.Validate,
                        valid => caller.AskAsync<PredictPriceBatch, PricePredictionBatch>(
                            services.GetRequiredService<IRequestClient<PredictPriceBatch>>(), new PredictPriceBatch { Rows = valid }),
                        answer => answer.Predictions,
                        row => PriceFallbackEstimator.Estimate(row, categories.Current, PredictionSources.GatewayFallback)),
                    ModelKinds.CompletionTime => await RunAsync<PredictCompletionTime, CompletionTimePrediction, CompletionTimePredictionBatch>(ModelKinds.CompletionTime, rows, json, CompletionTimeRequestValidator.Validate,
                        valid => caller.AskAsync<PredictCompletionTimeBatch, CompletionTimePredictionBatch>(
                            services.GetRequiredService<IRequestClient<PredictCompletionTimeBatch>>(), new PredictCompletionTimeBatch { Rows = valid }),
                        answer => answer.Predictions,
                        row => CompletionTimeFallbackEstimator.Estimate(row, categories.Current, PredictionSources.GatewayFallback)),
                    ModelKinds.WorkerRating => await RunAsync<PredictWorkerRating, WorkerRatingPrediction, WorkerRatingPredictionBatch>(ModelKinds.WorkerRating, rows, json, WorkerRatingRequestValidator.Validate,
                        valid => caller.AskAsync<PredictWorkerRatingBatch, WorkerRatingPredictionBatch>(
                            services.GetRequiredService<IRequestClient<PredictWorkerRatingBatch>>(), new PredictWorkerRatingBatch { Rows = valid }),
                        answer => answer.Predictions,
                        row => WorkerRatingHeuristic.Estimate(row, PredictionSources.GatewayFallback)),
                    var other => Problems.InvalidField("kind", $"'{other}' is not one of price-budget, completion-time, worker-rating."),
                };
            })
            .WithTags("Predictions")
            .Accepts<BatchBody>("application/json")
            .ProducesValidationProblem()
            .WithSummary("Up to 1,000 predictions of one kind, in order, with per-row errors.");
        return app;
    }

    private static async Task<IResult> RunAsync<TRequest, TResponse, TBatchResponse>(
        string kind,
        IReadOnlyList<JsonElement> rows,
        JsonSerializerOptions json,
        Func<TRequest, Validated<TRequest>> validate,
        Func<List<TRequest>, Task<InferenceOutcome<TBatchResponse>>> ask,
        Func<TBatchResponse, IReadOnlyList<TResponse>> predictions,
        Func<TRequest, TResponse> fallback)
        where TRequest : class
        where TResponse : class
        where TBatchResponse : class
    {
        var results = new object?[rows.Count];
        var valid = new List<(int Index, TRequest Row)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var errors = Parse(rows[i], json, validate, out var row);
            if (errors is null)
                valid.Add((i, row!));
            else
                results[i] = new { index = i, errors };
        }

        if (valid.Count > 0)
        {
            var outcome = await ask(valid.Select(v => v.Row).ToList());
            IReadOnlyList<TResponse> answered;
            switch (outcome)
            {
                case InferenceOutcome<TBatchResponse>.Answered a:
                    answered = predictions(a.Response);
                    break;
                case InferenceOutcome<TBatchResponse>.Faulted f:
                    return Problems.WorkerFault(f.CorrelationId, f.Reason);
                default:
                    answered = valid.Select(v => fallback(v.Row)).ToList();
                    break;
            }
            for (var j = 0; j < valid.Count; j++)
                results[valid[j].Index] = new { index = valid[j].Index, prediction = answered[j] };
        }
        return Results.Ok(new { kind, count = rows.Count, invalid = rows.Count - valid.Count, results });
    }

    private static IReadOnlyDictionary<string, string[]>? Parse<TRequest>(
        JsonElement element, JsonSerializerOptions json, Func<TRequest, Validated<TRequest>> validate, out TRequest? row)
        where TRequest : class
    {
        row = null;
        if (element.ValueKind != JsonValueKind.Object)
            return new Dictionary<string, string[]> { ["row"] = ["must be a JSON object."] };
        try
        {
            var parsed = element.Deserialize<TRequest>(json)!;
            var validated = validate(parsed);
            row = validated.Value;
            return validated.IsValid ? null : validated.Errors;
        }
        catch (JsonException ex)
        {
            return new Dictionary<string, string[]> { [JsonBody.FieldOf(ex.Path)] = ["has a value of the wrong type."] };
        }
    }
}
