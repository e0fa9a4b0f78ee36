using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Platform.Models;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.InferenceWorker.Models;

/// <summary>
/// At start-up: load every active version from the registry, since a missed activation broadcast is gone.
/// </summary>
public sealed class ActiveModelsBootstrap(ModelRegistry registry, ModelLoader loader, IOptions<OnnxSessionOptions> sessionOptions, ILogger<ActiveModelsBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("ONNX Runtime {Version} on {Provider}", OnnxEnvironment.Version, sessionOptions.Value.ExecutionProvider);
        foreach (var version in (await registry.ListAsync(kind: null, cancellationToken)).Where(v => v.Status == "active"))
            await loader.LoadAsync(version.Kind, version.Version, version.ArtifactPath, version.Sha256, version.FeatureExtractor, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
