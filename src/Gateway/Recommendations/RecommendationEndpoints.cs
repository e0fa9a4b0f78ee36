using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Recommendations;
using iAyos.Messaging.Gateway.Http;
using iAyos.Messaging.Gateway.Security;
using iAyos.Messaging.Predictions.Validation;
using MassTransit;

namespace iAyos.Messaging.Gateway.Recommendations;

/// <summary>Seed 004's recommendation API, answered by the ScoringWorker over the bus.</summary>
public static class RecommendationEndpoints
{
    public static IEndpointRouteBuilder MapRecommendationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recommendations").WithTags("Recommendations")
            .RequireRateLimiting(GatewayRateLimiting.Recommendations);

        group.MapGet("/jobs/{job_id}/cleaners", (string job_id, string? limit, string? max_distance_km, string? mode,
                IRequestClient<RecommendCleanersForJob> client, ScoringCaller caller) =>
            {
                var errors = new FieldErrors();
                var jobId = PositiveId(errors, "job_id", job_id);
                var take = Limit(errors, limit);
                var radius = Number(errors, "max_distance_km", max_distance_km, 20, 0.1, 500);
                var engineMode = Mode(errors, mode);
                return errors.IsEmpty
                    ? caller.AskAsync<RecommendCleanersForJob, CleanerRecommendationList>(QueueNames.Recommendations, client,
                        new RecommendCleanersForJob { JobId = jobId, Limit = take, MaxDistanceKm = radius, Mode = engineMode })
                    : Task.FromResult(Problems.InvalidFields(errors.ToDictionary()));
            })
            .Produces<CleanerRecommendationList>()
            .WithSummary("Cleaners for a job, best first, with score breakdown and reasoning; ?mode=rule_based|neural|ensemble (default: the worker's).");

        group.MapGet("/cleaners/{cleaner_id}/jobs", (string cleaner_id, string? limit, string? mode,
                IRequestClient<RecommendJobsForCleaner> client, ScoringCaller caller) =>
            {
                var errors = new FieldErrors();
                var cleanerId = PositiveId(errors, "cleaner_id", cleaner_id);
                var take = Limit(errors, limit);
                var engineMode = Mode(errors, mode);
                return errors.IsEmpty
                    ? caller.AskAsync<RecommendJobsForCleaner, JobRecommendationList>(QueueNames.Recommendations, client, new RecommendJobsForCleaner { CleanerId = cleanerId, Limit = take, Mode = engineMode })
                    : Task.FromResult(Problems.InvalidFields(errors.ToDictionary()));
            })
            .Produces<JobRecommendationList>()
            .WithSummary("Open jobs for a cleaner, best first; ?mode=rule_based|neural|ensemble.");

        group.MapPost("/bid-suggestion", async (HttpRequest http, IRequestClient<SuggestBid> client, ScoringCaller caller) =>
            {
                var body = await JsonBody.ReadAsync<BidSuggestionBody>(http);
                if (body.Problem is not null)
                    return body.Problem;
                var errors = new FieldErrors();
                if (body.Value!.JobId is not > 0)
                    errors.Add("job_id", "is required and must be a positive integer.");
                if (body.Value.CleanerId is not > 0)
                    errors.Add("cleaner_id", "is required and must be a positive integer.");
                var engineMode = Mode(errors, body.Value.Mode);
                return errors.IsEmpty
                    ? await caller.AskAsync<SuggestBid, BidSuggestionResult>(QueueNames.Recommendations, client,
                        new SuggestBid { JobId = body.Value.JobId!.Value, CleanerId = body.Value.CleanerId!.Value, Mode = engineMode })
                    : Problems.InvalidFields(errors.ToDictionary());
            })
            .Accepts<BidSuggestionBody>("application/json")
            .Produces<BidSuggestionResult>()
            .WithSummary("min <= optimal <= max bid for a cleaner on a job.");

        group.MapPost("/{id}/outcome", async (string id, HttpRequest http, IRequestClient<RecordRecommendationOutcome> client, ScoringCaller caller) =>
            {
                if (!Guid.TryParse(id, out var recommendationId))
                    return Problems.InvalidField("id", "must be a recommendation id (UUID).");
                var body = await JsonBody.ReadAsync<OutcomeBody>(http);
                if (body.Problem is not null)
                    return body.Problem;
                var b = body.Value!;
                return await caller.AskAsync<RecordRecommendationOutcome, RecommendationUpdated>(QueueNames.RecommendationOutcomes, client, new RecordRecommendationOutcome
                {
                    RecommendationId = recommendationId,
                    Outcome = b.Outcome?.Trim().ToLowerInvariant(),
                    ActualBid = b.ActualBid,
                    WasUsed = b.WasUsed,
                    DidWin = b.DidWin,
                });
            })
            .Accepts<OutcomeBody>("application/json")
            .Produces<RecommendationUpdated>()
            .WithSummary("What came of a recommendation: viewed, bid_placed, bid_accepted, contacted, hired; for a bid suggestion actual_bid, was_used, did_win.");

        group.MapPost("/{id}/feedback", async (string id, HttpRequest http, IRequestClient<SubmitRecommendationFeedback> client, ScoringCaller caller) =>
            {
                if (!Guid.TryParse(id, out var recommendationId))
                    return Problems.InvalidField("id", "must be a recommendation id (UUID).");
                var body = await JsonBody.ReadAsync<FeedbackBody>(http);
                if (body.Problem is not null)
                    return body.Problem;
                var type = body.Value!.FeedbackType?.Trim().ToLowerInvariant();
                if (type is null || !FeedbackTypes.All.Contains(type))
                    return Problems.InvalidField("feedback_type", $"must be one of {string.Join(", ", FeedbackTypes.All)}.");
                if (body.Value.Comment is { Length: > 2000 })
                    return Problems.InvalidField("comment", "must be at most 2000 characters.");
                // PostgreSQL text cannot hold a NUL; other control characters are no part of a comment either.
                if (body.Value.Comment?.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) == true)
                    return Problems.InvalidField("comment", "must not contain control characters.");
                return await caller.AskAsync<SubmitRecommendationFeedback, RecommendationUpdated>(QueueNames.RecommendationOutcomes, client,
                    new SubmitRecommendationFeedback { RecommendationId = recommendationId, FeedbackType = type, Comment = body.Value.Comment });
            })
            .Accepts<FeedbackBody>("application/json")
            .Produces<RecommendationUpdated>()
            .WithSummary("helpful, not_relevant, too_expensive, too_far, wrong_specialty or other, with an optional comment.");

        app.MapRecomputeScores();
        return app;
    }

    private static long PositiveId(FieldErrors errors, string field, string value)
    {
        if (long.TryParse(value, out var id) && id > 0)
            return id;
        errors.Add(field, "must be a positive integer.");
        return 0;
    }

    /// <summary>Null (absent) leaves the choice to the ScoringWorker's configured default.</summary>
    private static string? Mode(FieldErrors errors, string? value)
    {
        if (value is null)
            return null;
        var mode = value.Trim().ToLowerInvariant();
        if (RecommendationModes.IsKnown(mode))
            return mode;
        errors.Add("mode", $"must be one of {string.Join(", ", RecommendationModes.All)}.");
        return null;
    }

    private static int Limit(FieldErrors errors, string? value)
    {
        if (value is null)
            return 10;
        if (int.TryParse(value, out var limit) && limit is >= 1 and <= 100)
            return limit;
        errors.Add("limit", "must be an integer between 1 and 100.");
        return 0;
    }

    private static double Number(FieldErrors errors, string field, string? value, double fallback, double min, double max)
    {
        if (value is null)
            return fallback;
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number >= min && number <= max)
            return number;
        errors.Add(field, $"must be a number between {min} and {max}.");
        return 0;
    }
}
