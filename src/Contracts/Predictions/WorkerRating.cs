namespace iAyos.Messaging.Contracts.Predictions;

/// <summary>Request: a 0-100 profile quality score for a worker (seed 001 Model 3).</summary>
public sealed record PredictWorkerRating
{
    /// <summary>Profile completion, percent 0-100.</summary>
    public double ProfileCompletion { get; init; }
    public int BioLength { get; init; }
    public decimal? HourlyRate { get; init; }
    public double YearsExperience { get; init; }
    public int SpecializationsCount { get; init; }
    public int CertificationsCount { get; init; }
    public int VerifiedCertificationsCount { get; init; }
    public int CompletedJobs { get; init; }
    /// <summary>Average review rating, 0-5.</summary>
    public double AverageRating { get; init; }
    public decimal TotalEarnings { get; init; }
    /// <summary>Client satisfaction, percent 0-100, when known.</summary>
    public double? ClientSatisfaction { get; init; }
    /// <summary>Null when unknown (the seed's 0.5 activity value).</summary>
    public bool? IsActive { get; init; }
    public string? Country { get; init; }
    public string? PrimarySkill { get; init; }
}

public sealed record WorkerRatingPrediction
{
    public required double ProfileScore { get; init; }
    public required string RatingCategory { get; init; }
    public required IReadOnlyList<string> ImprovementSuggestions { get; init; }
    /// <summary>From a model: each achievable profile change re-scored, most points first, only those that gain;
    /// <see cref="ImprovementSuggestions"/> holds their texts in the same order. Empty from the fallback.</summary>
    public IReadOnlyList<WorkerRatingChange> SuggestedChanges { get; init; } = [];
    /// <summary>From a model with a calibrated interval: the score's 75% interval (split-conformal on validation rows), 0-100.</summary>
    public double? ScoreIntervalLower { get; init; }
    public double? ScoreIntervalUpper { get; init; }
    /// <summary>0.75 with an interval; null without one.</summary>
    public double? ConfidenceLevel { get; init; }
    public required string Source { get; init; }
    public int? ModelVersion { get; init; }
}

/// <summary>One achievable profile change (e.g. <c>complete_profile</c>) and the points the model gives it.</summary>
public sealed record WorkerRatingChange
{
    public required string Change { get; init; }
    public required string Text { get; init; }
    /// <summary>Predicted score with the change minus the score without, in points.</summary>
    public required double Gain { get; init; }
}
