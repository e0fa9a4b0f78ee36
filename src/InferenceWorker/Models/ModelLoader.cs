using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.Models;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.InferenceWorker.Models;

/// <summary>
/// Loads a registered version into <see cref="ActiveModels"/>: the artifact must match its sha256, its feature
/// spec must be one its kind's descriptor reads, and it must load in ONNX Runtime; otherwise the version already
/// serving keeps serving.
/// </summary>
public sealed class ModelLoader(ActiveModels active, ModelKindCatalog kinds, IModelVersions registry, IOptions<ModelArtifacts> artifacts,
    ILogger<ModelLoader> logger)
{
    /// <summary>Loads the active version of one kind, or of every kind this instance serves (kind null), from the registry.</summary>
    /// <returns>How many versions are now served as the registry says.</returns>
    public async Task<int> LoadActiveAsync(string? kind, CancellationToken ct)
    {
        var loaded = 0;
        foreach (var version in await registry.ListAsync(kind, ct))
        {
            if (version.Status == "active" && kinds.IsKnown(version.Kind)
                && await LoadAsync(version.Kind, version.Version, version.ArtifactPath, version.Sha256, version.FeatureExtractor, ct))
                loaded++;
        }
        return loaded;
    }

    public async Task<bool> LoadAsync(string kind, int version, string artifactPath, string sha256, string featureExtractor, CancellationToken ct)
    {
        if (kinds.Find(kind) is not { } descriptor)
        {
            logger.LogWarning("Not loading {Kind} v{Version}: this instance does not serve {Kind}", kind, version, kind);
            return false;
        }
        if (active.Get(kind) is { } current && current.Version == version && current.Sha256 == sha256)
            return true; // a repeated activation
        var refusal = await artifacts.Value.VerifyAsync(artifactPath, sha256, ct);
        if (refusal is not null)
        {
            logger.LogError("Refused {Kind} v{Version}: {Reason}; keeping v{Current}", kind, version, refusal, active.Get(kind)?.Version);
            return false;
        }
        try
        {
            var features = descriptor.ParseFeatureSpec(featureExtractor);
            var session = OnnxSession.FromFile(artifacts.Value.Resolve(artifactPath));
            active.Put(new LoadedModel(kind, version, sha256, session, DateTimeOffset.UtcNow, features));
            logger.LogInformation("Serving {Kind} v{Version}", kind, version);
            return true;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or OnnxRuntimeLibraryException or IOException or System.Text.Json.JsonException)
        {
            logger.LogError("Could not load {Kind} v{Version}: {Reason}; keeping v{Current}", kind, version, ex.Message, active.Get(kind)?.Version);
            return false;
        }
    }
}
