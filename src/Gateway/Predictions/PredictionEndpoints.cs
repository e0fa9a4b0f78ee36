using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Security;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.Models;
using MassTransit;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>Every kind's prediction endpoint (the seeds' routes): validated here, answered by an InferenceWorker over the bus.</summary>
public static class PredictionEndpoints
{
    public static IEndpointRouteBuilder MapPredictionEndpoints(this IEndpointRouteBuilder app)
    {
        var ml = app.MapGroup("/api/ml").WithTags("Predictions");
        foreach (var kind in app.ServiceProvider.GetRequiredService<ModelKindCatalog>().Predicted)
            kind.Accept(new Route(ml));
        return app;
    }

    private sealed class Route(RouteGroupBuilder ml) : IModelKindVisitor<RouteHandlerBuilder>
    {
        public RouteHandlerBuilder Visit<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind)
            where TRequest : class
            where TResponse : class =>
            ml.MapPost(kind.PredictRoute, (Func<HttpContext, Task<IResult>>)(http => PredictAsync(http, kind)))
                .Accepts<TRequest>("application/json")
                .Produces<TResponse>()
                .ProducesValidationProblem()
                .RequireRateLimiting(GatewayRateLimiting.Predictions)
                .WithSummary(kind.Summary);
    }

    private static async Task<IResult> PredictAsync<TRequest, TResponse>(HttpContext http, ModelKind<TRequest, TResponse> kind)
        where TRequest : class
        where TResponse : class
    {
        var body = await JsonBody.ReadAsync<TRequest>(http.Request);
        if (body.Problem is not null)
            return body.Problem;

        var request = kind.Validate(body.Value!);
        if (!request.IsValid)
            return Problems.InvalidFields(request.Errors);

        var services = http.RequestServices;
        var enriched = await PredictionRequestEnrichment.EnrichAsync(services, request.Value!, http.RequestAborted);
        if (!enriched.IsValid)
            return Problems.InvalidFields(enriched.Errors);
        return await PredictionAnswer.AnswerAsync(kind, enriched.Value!, services);
    }
}
