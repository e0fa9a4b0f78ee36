namespace iAyos.Messaging.Platform.Models;

/// <summary>Reading the registered versions: what an InferenceWorker needs to know what to serve.</summary>
public interface IModelVersions
{
    /// <summary>Versions of one kind (all kinds when null), newest first within a kind.</summary>
    Task<IReadOnlyList<ModelVersion>> ListAsync(string? kind, CancellationToken ct);

    Task<ModelVersion?> FindAsync(string kind, int version, CancellationToken ct);
}
