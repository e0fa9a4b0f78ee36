namespace iAyos.Messaging.Contracts.Predictions;

/// <summary>Request: a price range for a job posting (seed 000 / 001 Model 2).</summary>
public sealed record PredictPrice
{
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
    public int? CategoryId { get; init; }
    public string? Category { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string Urgency { get; init; } = Predictions.Urgency.Medium;
    public string SkillLevel { get; init; } = Predictions.SkillLevel.Intermediate;
    public IReadOnlyList<string> Materials { get; init; } = [];
    /// <summary>Optional: MINOR_REPAIR, MODERATE_PROJECT or MAJOR_RENOVATION (the freelancer CSV's job_scope).</summary>
    public string? JobScope { get; init; }
    /// <summary>Optional: INDOOR, OUTDOOR or BOTH (the freelancer CSV's work_environment).</summary>
    public string? WorkEnvironment { get; init; }
}

public sealed record PricePrediction
{
    public required decimal MinPrice { get; init; }
    public required decimal SuggestedPrice { get; init; }
    public required decimal MaxPrice { get; init; }
    public required double Confidence { get; init; }
    public string Currency { get; init; } = "PHP";
    public required string Source { get; init; }
    public string? Category { get; init; }
    public int? ModelVersion { get; init; }
}
