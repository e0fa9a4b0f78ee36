namespace iAyos.Messaging.Contracts.Models;

/// <summary>Event, fanned out to every InferenceWorker instance: load this version now.</summary>
public sealed record ModelActivated
{
    public required string Kind { get; init; }
    public required int Version { get; init; }
    public required string ArtifactPath { get; init; }
    public required string Sha256 { get; init; }
    public required DateTimeOffset ActivatedAt { get; init; }
    public required string ActivatedBy { get; init; }
}

/// <summary>Command, fanned out to every InferenceWorker instance: re-read the active versions and category data.</summary>
public sealed record ReloadModels
{
    public required Guid RequestId { get; init; }
    public string? Kind { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
}

/// <summary>Request: what an InferenceWorker serves for a kind.</summary>
public sealed record GetModelStatus
{
    public required string Kind { get; init; }
}

public sealed record ModelStatus
{
    public required string Kind { get; init; }
    public required bool ModelLoaded { get; init; }
    public int? ActiveVersion { get; init; }
    public required string Source { get; init; }
    public required string InstanceId { get; init; }
    public DateTimeOffset? LoadedAt { get; init; }
    public DateTimeOffset? LastReloadAt { get; init; }
    public int CategoriesKnown { get; init; }
}
