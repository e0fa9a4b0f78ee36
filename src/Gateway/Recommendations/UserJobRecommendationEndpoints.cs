using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.JobBoard;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Security;
using iAyos.Messaging.Predictions.Validation;
using MassTransit;

namespace iAyos.Messaging.Gateway.Recommendations;

/// <summary>Seed 002's job recommendations for a user, answered by the ScoringWorker over the bus.</summary>
public static class UserJobRecommendationEndpoints
{
    public const int DefaultK = 10, MaxK = 100;

    public static IEndpointRouteBuilder MapUserJobRecommendations(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/recommendations").WithTags("Recommendations")
            .RequireRateLimiting(GatewayRateLimiting.Recommendations)
            .MapGet("/users/{user_id}/jobs", (string user_id, string? k, IRequestClient<RecommendJobsForUser> client, ScoringCaller caller) =>
            {
                var errors = new FieldErrors();
                var userId = UserId(errors, user_id);
                var top = K(errors, k);
                return errors.IsEmpty
                    ? caller.AskAsync<RecommendJobsForUser, UserJobRecommendationList>(QueueNames.UserJobRecommendations, client,
                        new RecommendJobsForUser { UserId = userId, K = top })
                    : Task.FromResult(Problems.InvalidFields(errors.ToDictionary()));
            })
            .Produces<UserJobRecommendationList>()
            .WithSummary("A user's top k open jobs (not applied to, not dismissed), best first, with the matched skills; mode convfm, content or popularity.");
        return app;
    }

    private static long UserId(FieldErrors errors, string value)
    {
        if (long.TryParse(value, out var id) && id > 0)
            return id;
        errors.Add("user_id", "must be a positive integer.");
        return 0;
    }

    private static int K(FieldErrors errors, string? value)
    {
        if (value is null)
            return DefaultK;
        if (int.TryParse(value, out var k) && k is >= 1 and <= MaxK)
            return k;
        errors.Add("k", $"must be an integer between 1 and {MaxK}.");
        return 0;
    }
}
