namespace iAyos.Messaging.Contracts.Marketplace;

public sealed record JobPosted : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long ClientId { get; init; }
    public required long PropertyId { get; init; }
    public required double EstimatedHours { get; init; }
    /// <summary>What the client means to pay in total (EUR), when they say.</summary>
    public decimal? ClientBudget { get; init; }
}

public sealed record BidPlaced : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long BidId { get; init; }
    public required long JobId { get; init; }
    public required long CleanerId { get; init; }
    /// <summary>Total for the job, EUR.</summary>
    public required decimal Amount { get; init; }
}

public sealed record BidAccepted : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long BidId { get; init; }
    public required long CleanerId { get; init; }
}

public sealed record JobConfirmed : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long CleanerId { get; init; }
    public required DateTimeOffset ScheduledStart { get; init; }
}

public sealed record JobStarted : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long CleanerId { get; init; }
}

public sealed record JobCompleted : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long CleanerId { get; init; }
}

public sealed record JobCancelled : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    /// <summary>The assigned cleaner, if any: a cancellation after acceptance counts against them.</summary>
    public long? CleanerId { get; init; }
    public string? Reason { get; init; }
}

/// <summary>Overall and the four sub-ratings, each 1-10.</summary>
public sealed record ReviewSubmitted : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long ReviewId { get; init; }
    public required long JobId { get; init; }
    public required long CleanerId { get; init; }
    public required long ClientId { get; init; }
    public required int Overall { get; init; }
    public required int Quality { get; init; }
    public required int Communication { get; init; }
    public required int Professionalism { get; init; }
    public required int Timeliness { get; init; }
    public string? Comment { get; init; }
}

public sealed record CompletionPhotosSubmitted : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required long CleanerId { get; init; }
    public required int PhotoCount { get; init; }
}

public sealed record PaymentRecorded : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long PaymentId { get; init; }
    public required long JobId { get; init; }
    public required long CleanerId { get; init; }
    /// <summary>What the client paid, EUR.</summary>
    public required decimal Amount { get; init; }
    public required decimal PlatformFee { get; init; }
    public string Currency { get; init; } = "EUR";
}
