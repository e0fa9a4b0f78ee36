using iAyos.Messaging.Contracts.Models;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Models;

/// <summary>Runs on every instance (a temporary queue each): load the version just activated.</summary>
public sealed class ModelActivatedConsumer(ModelLoader loader) : IConsumer<ModelActivated>
{
    public Task Consume(ConsumeContext<ModelActivated> context) =>
        loader.LoadAsync(context.Message.Kind, context.Message.Version, context.Message.ArtifactPath, context.Message.Sha256, context.CancellationToken);
}
