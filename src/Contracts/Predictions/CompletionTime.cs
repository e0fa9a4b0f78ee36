namespace iAyos.Messaging.Contracts.Predictions;

/// <summary>Request: how long a job will take (seed 001 Model 1).</summary>
public sealed record PredictCompletionTime
{
    public int? CategoryId { get; init; }
    public string? Category { get; init; }
    public decimal? Budget { get; init; }
    public string Urgency { get; init; } = Predictions.Urgency.Medium;
    public IReadOnlyList<string> Materials { get; init; } = [];
    public string JobType { get; init; } = Predictions.JobType.Listing;
    public long? WorkerId { get; init; }
    /// <summary>The assigned worker's history as of the job's start; the Gateway fills it from <see cref="WorkerId"/>.</summary>
    public WorkerHistory? Worker { get; init; }
    /// <summary>When the job was posted (its day, hour and month are features); null means now.</summary>
    public DateTimeOffset? PostedAt { get; init; }
}

public sealed record CompletionTimePrediction
{
    public required double PredictedHours { get; init; }
    public required double ConfidenceIntervalLower { get; init; }
    public required double ConfidenceIntervalUpper { get; init; }
    public required double ConfidenceLevel { get; init; }
    public required string FormattedDuration { get; init; }
    public required string Source { get; init; }
    public string? Category { get; init; }
    public int? ModelVersion { get; init; }
}
