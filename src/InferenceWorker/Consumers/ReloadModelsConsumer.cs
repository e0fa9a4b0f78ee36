using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Platform.Categories;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Runs on every instance (its own temporary queue, see the registration): re-reads the category statistics the
/// estimators and features use, and loads the registry's active version of the kind asked for (every kind when
/// none is named), so a reload reaches all replicas rather than one competing consumer.
/// </summary>
public sealed class ReloadModelsConsumer(ICategoryCatalogProvider categories, ModelLoader loader, ILogger<ReloadModelsConsumer> logger)
    : IConsumer<ReloadModels>
{
    public async Task Consume(ConsumeContext<ReloadModels> context)
    {
        var refreshed = await categories.RefreshAsync(context.CancellationToken);
        var serving = await loader.LoadActiveAsync(context.Message.Kind, context.CancellationToken);
        logger.LogInformation("Reload {RequestId} for {Kind}: categories {Outcome} ({Count} known), {Serving} active version(s) served",
            context.Message.RequestId, context.Message.Kind ?? "all kinds", refreshed ? "refreshed" : "kept", categories.Current.All.Count, serving);
    }
}
