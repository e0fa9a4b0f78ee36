namespace iAyos.Messaging.ScoringWorker.Caching;

/// <summary>Which cached recommendation lists a folded event makes stale.</summary>
public sealed record CacheEffect
{
    public long? JobId { get; private init; }
    public long? PropertyId { get; private init; }
    public bool AllJobs { get; private init; }

    /// <summary>A bid on it or a change of its state (posted, accepted, confirmed, started, completed, cancelled).</summary>
    public static CacheEffect Job(long jobId) => new() { JobId = jobId };

    /// <summary>Every job on a property whose facts changed (type, size, place, eco preference).</summary>
    public static CacheEffect JobsOfProperty(long propertyId) => new() { PropertyId = propertyId };

    /// <summary>A candidate changed (a cleaner registered or updated): any job's list may change.</summary>
    public static CacheEffect Everything { get; } = new() { AllJobs = true };
}
