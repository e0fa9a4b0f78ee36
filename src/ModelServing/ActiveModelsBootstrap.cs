using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using iAyos.Messaging.Onnx.Runtime;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.ModelServing;

/// <summary>
/// At start-up: load every active version from the registry, since a missed activation broadcast is gone.
/// </summary>
public sealed class ActiveModelsBootstrap(ModelLoader loader, IOptions<OnnxSessionOptions> sessionOptions, ILogger<ActiveModelsBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("ONNX Runtime {Version} on {Provider}", OnnxEnvironment.Version, sessionOptions.Value.ExecutionProvider);
        await loader.LoadActiveAsync(kind: null, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
