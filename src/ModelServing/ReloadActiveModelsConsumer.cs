using iAyos.Messaging.Contracts.Models;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace iAyos.Messaging.ModelServing;

/// <summary>
/// For a worker that serves registry kinds but has no category data to refresh (the ScoringWorker): on a reload,
/// load the registry's active version of the kind named (every kind it serves when none is), on every instance.
/// </summary>
public sealed class ReloadActiveModelsConsumer(ModelLoader loader, ILogger<ReloadActiveModelsConsumer> logger) : IConsumer<ReloadModels>
{
    public async Task Consume(ConsumeContext<ReloadModels> context)
    {
        var serving = await loader.LoadActiveAsync(context.Message.Kind, context.CancellationToken);
        logger.LogInformation("Reload {RequestId} for {Kind}: {Serving} active version(s) served",
            context.Message.RequestId, context.Message.Kind ?? "all kinds", serving);
    }
}
