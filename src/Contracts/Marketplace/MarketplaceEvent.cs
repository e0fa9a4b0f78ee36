namespace iAyos.Messaging.Contracts.Marketplace;

/// <summary>
/// What every cleaning-marketplace event carries. Events are versioned by addition only: a new field is
/// added as optional (nullable or defaulted), so messages from older publishers still deserialize and
/// consumers treat the missing field as unknown.
/// </summary>
public interface IMarketplaceEvent
{
    /// <summary>Unique per event; a redelivery carries the same id.</summary>
    Guid EventId { get; }

    /// <summary>When it happened upstream; later facts win over earlier ones whatever the arrival order.</summary>
    DateTimeOffset OccurredAt { get; }
}

public static class PropertyTypes
{
    public const string Apartment = "apartment";
    public const string House = "house";
    public const string Office = "office";
    public const string Villa = "villa";
    public static readonly IReadOnlyList<string> All = [Apartment, House, Office, Villa];
}
