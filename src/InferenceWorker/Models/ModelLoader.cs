using iAyos.Messaging.Contracts;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.Platform.Models;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.InferenceWorker.Models;

/// <summary>
/// Loads a registered version into <see cref="ActiveModels"/>: the artifact must match its sha256 and load
/// in ONNX Runtime, otherwise the version already serving keeps serving.
/// </summary>
public sealed class ModelLoader(ActiveModels active, IOptions<ModelArtifacts> artifacts, IOptions<OnnxSessionOptions> sessionOptions, ILogger<ModelLoader> logger)
{
    public async Task<bool> LoadAsync(string kind, int version, string artifactPath, string sha256, string featureExtractor, CancellationToken ct)
    {
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
            object? features = kind switch
            {
                ModelKinds.PriceBudget => PriceFeatureSpec.Parse(featureExtractor),
                ModelKinds.CompletionTime => CompletionTimeFeatureSpec.Parse(featureExtractor),
                ModelKinds.WorkerRating => WorkerRatingFeatureSpec.Parse(featureExtractor),
                _ => null,
            };
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
