using Microsoft.Extensions.Logging;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.Models;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.ModelServing;

/// <summary>
/// Loads a registered version into <see cref="ActiveModels"/>: the artifact must match its sha256, its feature
/// spec must be one its kind's descriptor reads, and it must load in ONNX Runtime; otherwise the version already
/// serving keeps serving.
/// </summary>
public sealed class ModelLoader(ActiveModels active, ModelKindCatalog kinds, IModelVersions registry, IOptions<ModelArtifacts> artifacts,
    IOptions<OnnxSessionOptions> sessionOptions, ILogger<ModelLoader> logger)
{
    /// <summary>
    /// Makes this instance serve what the registry says for one kind, or for every kind it serves (kind null): the
    /// active version is loaded, and a kind with no active version any more goes back to its estimator.
    /// </summary>
    /// <returns>How many kinds are now served by the registry's active version.</returns>
    public async Task<int> LoadActiveAsync(string? kind, CancellationToken ct)
    {
        var versions = await registry.ListAsync(kind, ct);
        var serving = 0;
        foreach (var served in kinds.All.Where(k => kind is null || k.Name == kind))
        {
            if (versions.FirstOrDefault(v => v.Kind == served.Name && v.Status == "active") is not { } version)
            {
                if (active.Remove(served.Name))
                    logger.LogInformation("{Kind} has no active version any more: answering from its estimator", served.Name);
                continue;
            }
            if (await LoadAsync(version.Kind, version.Version, version.ArtifactPath, version.Sha256, version.FeatureExtractor, ct))
                serving++;
        }
        return serving;
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
            var session = OnnxSession.FromFile(artifacts.Value.Resolve(artifactPath), sessionOptions.Value);
            active.Put(new LoadedModel(kind, version, sha256, session, DateTimeOffset.UtcNow, features));
            logger.LogInformation("Serving {Kind} v{Version}", kind, version);
            return true;
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or IOException or System.Text.Json.JsonException)
        {
            logger.LogError("Could not load {Kind} v{Version}: {Reason}; keeping v{Current}", kind, version, ex.Message, active.Get(kind)?.Version);
            return false;
        }
    }
}
