using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Platform.Models;

namespace iAyos.Messaging.InferenceWorker.Tests;

/// <summary>The registry as the InferenceWorker reads it, held in memory: tests add the versions it should find.</summary>
public sealed class RegisteredVersions : IModelVersions
{
    private readonly List<ModelVersion> _versions = [];

    public void Add(ModelVersion version)
    {
        lock (_versions) _versions.Add(version);
    }

    public Task<IReadOnlyList<ModelVersion>> ListAsync(string? kind, CancellationToken ct)
    {
        lock (_versions)
            return Task.FromResult<IReadOnlyList<ModelVersion>>(_versions.Where(v => kind is null || v.Kind == kind).OrderByDescending(v => v.Version).ToList());
    }

    public Task<ModelVersion?> FindAsync(string kind, int version, CancellationToken ct)
    {
        lock (_versions)
            return Task.FromResult(_versions.FirstOrDefault(v => v.Kind == kind && v.Version == version));
    }
}
