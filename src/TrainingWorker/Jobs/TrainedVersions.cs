using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Platform.Models;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>A run's files as a registered version, and the version that was active when it registered (not itself).</summary>
public sealed record RegisteredVersion(int Version, string RelativePath, string Sha256, ModelVersion? Active);

/// <summary>What every trainer does with a trained model: write its files, register a version once, and activate it.</summary>
public sealed class TrainedVersions(ModelRegistry registry, IOptions<ModelArtifacts> artifacts, IBus bus)
{
    /// <summary>
    /// Writes the run's files into <c>&lt;kind&gt;/&lt;run&gt;/</c> of the artifacts directory (<paramref name="writeFiles"/> gets
    /// the directory and returns the model's sha256) and registers them as a new version, or, for a run resumed after
    /// it registered (its worker died before finishing), returns the version it registered then.
    /// </summary>
    public async Task<RegisteredVersion> WriteAndRegisterAsync(string kind, TrainingJob job, string modelFileName, Func<string, Task<string>> writeFiles,
        string featureExtractorJson, string metricsJson, string trainingData, CancellationToken ct)
    {
        var relative = $"{kind}/{job.RunId:N}/{modelFileName}";
        var sha256 = await writeFiles(Path.GetDirectoryName(artifacts.Value.Resolve(relative))!);
        var registered = await registry.ListAsync(kind, ct);
        var existing = registered.FirstOrDefault(v => v.ArtifactPath == relative);
        var version = existing is not null && existing.Sha256 == sha256
            ? existing.Version
            : await registry.RegisterAsync(new ModelVersionDraft(kind, relative, sha256, featureExtractorJson, metricsJson,
                $"{trainingData}; training run {job.RunId}"), ct);
        return new RegisteredVersion(version, relative, sha256, registered.FirstOrDefault(v => v.Status == "active" && v.Version != version));
    }

    /// <summary>Marks the version active and tells every InferenceWorker instance to load it.</summary>
    public async Task ActivateAsync(string kind, RegisteredVersion version, TrainingJob job, CancellationToken ct)
    {
        var activatedBy = $"training-run {job.RunId}";
        await registry.ActivateAsync(kind, version.Version, activatedBy, ct);
        await bus.Publish(new ModelActivated
        {
            Kind = kind, Version = version.Version, ArtifactPath = version.RelativePath, Sha256 = version.Sha256,
            ActivatedAt = DateTimeOffset.UtcNow, ActivatedBy = activatedBy,
        }, ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
    }
}
