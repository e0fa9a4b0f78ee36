namespace iAyos.Messaging.Contracts.ServiceJobs;

/// <summary>
/// A worker's profile as of <see cref="OccurredAt"/> (a registration is the first one). Every version is kept,
/// so a model can read the profile as it was at a past moment, not as it is today.
/// </summary>
public sealed record WorkerProfileUpdated : IServiceJobEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long WorkerId { get; init; }
    public required string DisplayName { get; init; }
    public string Bio { get; init; } = "";
    /// <summary>Percent, 0-100.</summary>
    public required double ProfileCompletion { get; init; }
    /// <summary>PHP per hour; null when the worker has not set one.</summary>
    public decimal? HourlyRate { get; init; }
    public required double YearsExperience { get; init; }
    /// <summary>Category names the worker offers.</summary>
    public IReadOnlyList<string> Specializations { get; init; } = [];
    public IReadOnlyList<WorkerCertification> Certifications { get; init; } = [];
    public bool IsActive { get; init; } = true;
}

public sealed record WorkerCertification(string Name, bool Verified);
