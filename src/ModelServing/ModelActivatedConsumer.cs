using Microsoft.Extensions.Logging;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Platform.Models;
using MassTransit;

namespace iAyos.Messaging.ModelServing;

/// <summary>
/// Runs on every instance (a temporary queue each): load the version just activated, with its feature
/// extractor from the registry.
/// </summary>
public sealed class ModelActivatedConsumer(ModelLoader loader, IModelVersions registry, ILogger<ModelActivatedConsumer> logger) : IConsumer<ModelActivated>
{
    public async Task Consume(ConsumeContext<ModelActivated> context)
    {
        var m = context.Message;
        var registered = await registry.FindAsync(m.Kind, m.Version, context.CancellationToken);
        if (registered is null)
        {
            logger.LogError("Activation of {Kind} v{Version} names a version the registry does not have", m.Kind, m.Version);
            return;
        }
        await loader.LoadAsync(m.Kind, m.Version, m.ArtifactPath, m.Sha256, registered.FeatureExtractor, context.CancellationToken);
    }
}
