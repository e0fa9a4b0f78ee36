namespace iAyos.Messaging.Contracts.Marketplace;

public sealed record ClientRegistered : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long ClientId { get; init; }
    public required string DisplayName { get; init; }
}

public sealed record ClientUpdated : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long ClientId { get; init; }
    public required string DisplayName { get; init; }
}

/// <summary>A cleaner joins: their base location and hourly rate (EUR).</summary>
public sealed record CleanerRegistered : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long CleanerId { get; init; }
    public required string DisplayName { get; init; }
    public required decimal HourlyRate { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public bool OffersEcoProducts { get; init; }
}

public sealed record CleanerUpdated : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long CleanerId { get; init; }
    public required string DisplayName { get; init; }
    public required decimal HourlyRate { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public bool OffersEcoProducts { get; init; }
}

public sealed record PropertyRegistered : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long PropertyId { get; init; }
    public required long ClientId { get; init; }
    /// <summary>One of <see cref="PropertyTypes"/>.</summary>
    public required string PropertyType { get; init; }
    public required double SizeM2 { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public bool EcoPreference { get; init; }
}

public sealed record PropertyUpdated : IMarketplaceEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long PropertyId { get; init; }
    public required long ClientId { get; init; }
    public required string PropertyType { get; init; }
    public required double SizeM2 { get; init; }
    public required double Latitude { get; init; }
    public required double Longitude { get; init; }
    public bool EcoPreference { get; init; }
}
