using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.InferenceWorker.Models;

/// <summary>
/// At start-up: load ONNX Runtime (saying where it looked if it is missing; the worker then serves the
/// fallbacks) and every active version from the registry, since a missed activation broadcast is gone.
/// </summary>
public sealed class ActiveModelsBootstrap(IConfiguration configuration, ModelLoader loader, ILogger<ActiveModelsBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var library = OnnxRuntimeLibrary.Load(configuration[OnnxRuntimeLibrary.ConfigurationKey]);
            logger.LogInformation("ONNX Runtime {Version} from {Path}", library.Version, library.LibraryPath);
        }
        catch (OnnxRuntimeLibraryException ex)
        {
            logger.LogError("ONNX Runtime is not available, serving fallbacks only: {Reason}", ex.Message);
            return;
        }
        await loader.LoadActiveAsync(kind: null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
