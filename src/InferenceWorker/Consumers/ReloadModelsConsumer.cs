using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Platform.Categories;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>
/// Runs on every instance (its own temporary queue, see the registration): re-reads what the
/// estimators serve from, so a reload reaches all replicas rather than one competing consumer.
/// </summary>
public sealed class ReloadModelsConsumer(ICategoryCatalogProvider categories, ILogger<ReloadModelsConsumer> logger) : IConsumer<ReloadModels>
{
    public async Task Consume(ConsumeContext<ReloadModels> context)
    {
        var refreshed = await categories.RefreshAsync(context.CancellationToken);
        logger.LogInformation("Reload {RequestId} for {Kind}: categories {Outcome}, {Count} known",
            context.Message.RequestId, context.Message.Kind ?? "all kinds", refreshed ? "refreshed" : "kept", categories.Current.All.Count);
    }
}
