using System.Text.Json.Nodes;

namespace iAyos.Messaging.Gateway.Tests.Properties;

/// <summary>An endpoint that reads a JSON body, with a body it accepts.</summary>
/// <param name="MayReachWorker">A valid request waits on a ScoringWorker, so 503 is a valid answer here (no worker runs).</param>
/// <param name="EmptyIsDefaults">An empty body means "all defaults" (the train commands), not a missing body.</param>
public sealed record BodyEndpoint(string Path, string ValidBody, bool MayReachWorker = false, bool EmptyIsDefaults = false)
{
    public JsonObject Valid() => JsonNode.Parse(ValidBody)!.AsObject();

    public IReadOnlyList<string> Fields { get; } = JsonNode.Parse(ValidBody)!.AsObject().Select(p => p.Key).ToList();

    public override string ToString() => "POST " + Path;
}

/// <summary>Every Gateway endpoint that reads a JSON body (src/Gateway/**), with a body each accepts.</summary>
public static class BodyEndpoints
{
    /// <summary>Any well-formed recommendation id: the routes check only that it is a UUID.</summary>
    public const string RecommendationId = "0b5a8a36-3f4e-4a8e-9b2c-6f1d2e3a4b5c";

    private const string Price = """
        {"title": "Fix leaking kitchen sink", "description": "The pipe under the sink drips.", "category_id": 1,
         "category": "Plumbing", "tags": ["sink", "leak"], "urgency": "HIGH", "skill_level": "INTERMEDIATE",
         "materials": ["pvc pipe"], "job_scope": "MINOR_REPAIR", "work_environment": "INDOOR"}
        """;

    private const string Train = """
        {"kind": "completion-time", "epochs": 10, "batch_size": 32, "min_samples": 50, "force": false,
         "csv_file": "jobs.csv", "split_file": "splits/jobs.split.json", "configuration": "served"}
        """;

    public static readonly IReadOnlyList<BodyEndpoint> All =
    [
        new("/api/ml/predict-price", Price),
        new("/api/ml/predict-completion-time", """
            {"category_id": 1, "category": "Plumbing", "budget": 1500, "urgency": "MEDIUM", "materials": ["pipe"],
             "job_type": "LISTING", "worker_id": 7}
            """),
        new("/api/ml/predict-worker-rating", """
            {"profile_completion": 80, "bio_length": 120, "hourly_rate": 350, "years_experience": 5,
             "specializations_count": 2, "certifications_count": 2, "verified_certifications_count": 1,
             "completed_jobs": 30, "average_rating": 4.6, "total_earnings": 50000, "client_satisfaction": 90,
             "is_active": true, "country": "Philippines", "primary_skill": "Plumbing"}
            """),
        new("/api/ml/batch-predict", $$"""{"kind": "price-budget", "rows": [{{Price}}, {{Price}}]}"""),
        new("/api/ml/train", Train, EmptyIsDefaults: true),
        new("/api/ml/train-price-model", Train, EmptyIsDefaults: true),
        new("/api/ml/train-worker-rating-model", Train, EmptyIsDefaults: true),
        new("/api/recommendations/bid-suggestion", """{"job_id": 1, "cleaner_id": 2}""", MayReachWorker: true),
        new($"/api/recommendations/{RecommendationId}/outcome",
            """{"outcome": "bid_placed", "actual_bid": 1500.5, "was_used": true, "did_win": false}""", MayReachWorker: true),
        new($"/api/recommendations/{RecommendationId}/feedback",
            """{"feedback_type": "helpful", "comment": "Good match"}""", MayReachWorker: true),
    ];
}
