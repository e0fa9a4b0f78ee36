using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Platform.Models;
using MassTransit;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>What every trainer does with its files once written: register a version once, and activate it.</summary>
public sealed class TrainedVersions(ModelRegistry registry, IBus bus)
{
    /// <summary>Registers the files as a new version, or, for a run resumed after it registered (its worker died before
    /// finishing), returns the version it registered then.</summary>
    public async Task<int> RegisterOnceAsync(string kind, IReadOnlyList<ModelVersion> registered, TrainingJob job, string relativePath, string sha256,
        string featureExtractorJson, string metricsJson, string trainingData, CancellationToken ct)
    {
        var existing = registered.FirstOrDefault(v => v.ArtifactPath == relativePath);
        if (existing is not null && existing.Sha256 == sha256) return existing.Version;
        return await registry.RegisterAsync(new ModelVersionDraft(kind, relativePath, sha256, featureExtractorJson, metricsJson,
            $"{trainingData}; training run {job.RunId}"), ct);
    }

    /// <summary>Marks the version active and tells every InferenceWorker instance to load it.</summary>
    public async Task ActivateAsync(string kind, int version, string relativePath, string sha256, TrainingJob job, CancellationToken ct)
    {
        var activatedBy = $"training-run {job.RunId}";
        await registry.ActivateAsync(kind, version, activatedBy, ct);
        await bus.Publish(new ModelActivated
        {
            Kind = kind, Version = version, ArtifactPath = relativePath, Sha256 = sha256, ActivatedAt = DateTimeOffset.UtcNow, ActivatedBy = activatedBy,
        }, ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
    }
}
