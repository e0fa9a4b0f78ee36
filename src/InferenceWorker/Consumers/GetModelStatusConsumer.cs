using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.Validation;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>Tells what this instance has loaded for a kind, and what answers its predictions.</summary>
public sealed class GetModelStatusConsumer(ICategoryCatalogProvider categories, ServiceInstance instance, ActiveModels models) : IConsumer<GetModelStatus>
{
    public async Task Consume(ConsumeContext<GetModelStatus> context)
    {
        var kind = context.Message.Kind;
        if (!ModelKinds.IsKnown(kind))
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["kind"] = [$"'{kind}' is not a model kind."] });

        var loaded = models.Get(kind);
        await context.RespondAsync(new ModelStatus
        {
            Kind = kind,
            // Loaded is not yet served: predictions answer from the fallback until the kind's feature
            // extractor lands with the training engine.
            ModelLoaded = loaded is not null,
            ActiveVersion = loaded?.Version,
            LoadedAt = loaded?.LoadedAt,
            Source = PredictionSources.Fallback,
            InstanceId = instance.Id,
            LastReloadAt = categories.RefreshedAt,
            CategoriesKnown = categories.Current.All.Count,
        });
    }
}

public sealed class GetModelStatusConsumerDefinition() : PredictionConsumerDefinition<GetModelStatusConsumer>(QueueNames.ModelStatus);
