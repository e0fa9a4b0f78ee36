namespace iAyos.Messaging.Contracts.ServiceJobs;

/// <summary>
/// What every iAyos home-service event carries (worker profiles, jobs and their reviews). Like the cleaning
/// marketplace's events they are versioned by addition only, and folded into PostgreSQL so that a repeat or
/// any arrival order leaves the same rows.
/// </summary>
public interface IServiceJobEvent
{
    /// <summary>Unique per event; a redelivery carries the same id.</summary>
    Guid EventId { get; }

    /// <summary>When it happened upstream. History features are computed "as of" these times.</summary>
    DateTimeOffset OccurredAt { get; }
}
