namespace iAyos.Messaging.Predictions.Workers;

/// <summary>
/// An iAyos job as the read model holds it: the posting and whatever of its lifecycle has happened (assigned
/// worker, start, completion, cancellation, the client's review).
/// </summary>
public sealed record ServiceJob(
    long Id,
    int CategoryId,
    string Category,
    decimal Budget,
    string Urgency,
    string SkillLevel,
    IReadOnlyList<string> Materials,
    string JobType,
    DateTimeOffset PostedAt,
    long? WorkerId,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset? CancelledAt,
    int? Rating,
    double? Satisfaction,
    DateTimeOffset? ReviewedAt)
{
    public bool IsCompleted => CompletedAt is not null && CancelledAt is null;

    /// <summary>ACTIVE, IN_PROGRESS, COMPLETED or CANCELLED, derived from the facts as the <c>iayos.jobs</c> view derives it.</summary>
    public string Status => CancelledAt is not null ? "CANCELLED" : CompletedAt is not null ? "COMPLETED" : StartedAt is not null ? "IN_PROGRESS" : "ACTIVE";

    /// <summary>Start to completion in hours, when both are known.</summary>
    public double? Hours => StartedAt is { } s && CompletedAt is { } c ? (c - s).TotalHours : null;
}
