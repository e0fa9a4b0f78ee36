using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.Validation;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>Tells what this instance serves for a kind. No model is loaded until the ONNX registry lands.</summary>
public sealed class GetModelStatusConsumer(ICategoryCatalogProvider categories, ServiceInstance instance) : IConsumer<GetModelStatus>
{
    public async Task Consume(ConsumeContext<GetModelStatus> context)
    {
        var kind = context.Message.Kind;
        if (!ModelKinds.IsKnown(kind))
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["kind"] = [$"'{kind}' is not a model kind."] });

        await context.RespondAsync(new ModelStatus
        {
            Kind = kind,
            ModelLoaded = false,
            ActiveVersion = null,
            Source = PredictionSources.Fallback,
            InstanceId = instance.Id,
            LastReloadAt = categories.RefreshedAt,
            CategoriesKnown = categories.Current.All.Count,
        });
    }
}

public sealed class GetModelStatusConsumerDefinition() : PredictionConsumerDefinition<GetModelStatusConsumer>(QueueNames.ModelStatus);
