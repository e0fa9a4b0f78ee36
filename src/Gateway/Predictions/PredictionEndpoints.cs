using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.Validation;
using iAyos.Messaging.Predictions.WorkerRating;
using MassTransit;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>The seed 001 prediction endpoints: validated here, answered by an InferenceWorker over the bus.</summary>
public static class PredictionEndpoints
{
    public static IEndpointRouteBuilder MapPredictionEndpoints(this IEndpointRouteBuilder app)
    {
        var ml = app.MapGroup("/api/ml").WithTags("Predictions");

        ml.MapPost("/predict-price", (HttpContext http, IRequestClient<PredictPrice> client, ICategoryCatalogProvider categories) =>
                PredictAsync(http, client, PriceRequestValidator.Validate,
                    r => PriceFallbackEstimator.Estimate(r, categories.Current, PredictionSources.GatewayFallback)))
            .Accepts<PredictPrice>("application/json")
            .Produces<PricePrediction>()
            .ProducesValidationProblem()
            .WithSummary("Price range (min <= suggested <= max, PHP) for a job posting.");

        ml.MapPost("/predict-completion-time", (HttpContext http, IRequestClient<PredictCompletionTime> client, ICategoryCatalogProvider categories) =>
                PredictAsync(http, client, CompletionTimeRequestValidator.Validate,
                    r => CompletionTimeFallbackEstimator.Estimate(r, categories.Current, PredictionSources.GatewayFallback)))
            .Accepts<PredictCompletionTime>("application/json")
            .Produces<CompletionTimePrediction>()
            .ProducesValidationProblem()
            .WithSummary("Hours a job will take, with a 75% interval.");

        ml.MapPost("/predict-worker-rating", (HttpContext http, IRequestClient<PredictWorkerRating> client) =>
                PredictAsync(http, client, WorkerRatingRequestValidator.Validate,
                    r => WorkerRatingHeuristic.Estimate(r, PredictionSources.GatewayFallback)))
            .Accepts<PredictWorkerRating>("application/json")
            .Produces<WorkerRatingPrediction>()
            .ProducesValidationProblem()
            .WithSummary("Profile quality score 0-100 with improvement suggestions.");

        return app;
    }

    private static async Task<IResult> PredictAsync<TRequest, TResponse>(
        HttpContext http,
        IRequestClient<TRequest> client,
        Func<TRequest, Validated<TRequest>> validate,
        Func<TRequest, TResponse> fallback)
        where TRequest : class
        where TResponse : class
    {
        var body = await JsonBody.ReadAsync<TRequest>(http.Request);
        if (body.Problem is not null)
            return body.Problem;

        var request = validate(body.Value!);
        if (!request.IsValid)
            return Problems.InvalidFields(request.Errors);

        var caller = http.RequestServices.GetRequiredService<InferenceCaller>();
        return await caller.AskAsync<TRequest, TResponse>(client, request.Value!) switch
        {
            InferenceOutcome<TResponse>.Answered answered => Results.Ok(answered.Response),
            InferenceOutcome<TResponse>.Faulted faulted => Problems.WorkerFault(faulted.CorrelationId, faulted.Reason),
            // The gateway answers itself from the same estimator code, and says so in "source".
            _ => Results.Ok(fallback(request.Value!)),
        };
    }
}
