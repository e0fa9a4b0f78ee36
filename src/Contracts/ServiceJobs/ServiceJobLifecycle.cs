namespace iAyos.Messaging.Contracts.ServiceJobs;

/// <summary>A client posts a home-service job (seed 001's job fields).</summary>
public sealed record ServiceJobPosted : IServiceJobEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public long? ClientId { get; init; }
    /// <summary>An id of <c>iayos.categories</c>.</summary>
    public required int CategoryId { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = "";
    /// <summary>PHP.</summary>
    public required decimal Budget { get; init; }
    /// <summary>LOW, MEDIUM or HIGH.</summary>
    public required string Urgency { get; init; }
    /// <summary>ENTRY, INTERMEDIATE or EXPERT.</summary>
    public required string SkillLevel { get; init; }
    public IReadOnlyList<string> Materials { get; init; } = [];
    /// <summary>LISTING or INVITE.</summary>
    public required string JobType { get; init; }
}

public sealed record ServiceJobAssigned : IServiceJobEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long WorkerId { get; init; }
}

/// <summary>The client confirmed work started (the seed's clientConfirmedWorkStartedAt).</summary>
public sealed record ServiceJobStarted : IServiceJobEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long WorkerId { get; init; }
}

/// <summary>The worker marked the job complete (the seed's workerMarkedCompleteAt).</summary>
public sealed record ServiceJobCompleted : IServiceJobEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long WorkerId { get; init; }
}

public sealed record ServiceJobCancelled : IServiceJobEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public string? Reason { get; init; }
}

/// <summary>The client's review of a finished job: a 1-5 rating and a 0-100 satisfaction.</summary>
public sealed record ServiceJobReviewed : IServiceJobEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long WorkerId { get; init; }
    public required int Rating { get; init; }
    public required double Satisfaction { get; init; }
}
