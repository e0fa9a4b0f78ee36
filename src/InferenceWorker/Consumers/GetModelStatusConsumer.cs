using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Models;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Contracts.Validation;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Predictions.Models;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker.Consumers;

/// <summary>Tells what this instance has loaded for a kind, and what answers its predictions.</summary>
public sealed class GetModelStatusConsumer(ModelKindCatalog kinds, ICategoryCatalogProvider categories, ServiceInstance instance, ActiveModels models)
    : IConsumer<GetModelStatus>
{
    public async Task Consume(ConsumeContext<GetModelStatus> context)
    {
        var kind = context.Message.Kind;
        if (kinds.FindPredicted(kind) is null)
            throw new InvalidRequestException(new Dictionary<string, string[]> { ["kind"] = [$"'{kind}' is not a prediction kind; {kinds.MustBeOnePredictedOf()}"] });

        var loaded = models.Get(kind);
        await context.RespondAsync(new ModelStatus
        {
            Kind = kind,
            ModelLoaded = loaded is not null,
            ActiveVersion = loaded?.Version,
            LoadedAt = loaded?.LoadedAt,
            // A loaded version answers every prediction of its kind (the estimator only steps in for a request
            // the model fails on), so "source" is what a prediction asked now would say.
            Source = loaded is not null ? PredictionSources.Model : PredictionSources.Fallback,
            InstanceId = instance.Id,
            LastReloadAt = categories.RefreshedAt,
            CategoriesKnown = categories.Current.All.Count,
        });
    }
}

public sealed class GetModelStatusConsumerDefinition() : PredictionConsumerDefinition<GetModelStatusConsumer>(QueueNames.ModelStatus);
