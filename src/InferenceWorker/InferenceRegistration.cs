using iAyos.Messaging.InferenceWorker.Consumers;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using MassTransit;

namespace iAyos.Messaging.InferenceWorker;

public static class InferenceRegistration
{
    public static WebApplicationBuilder AddInference(this WebApplicationBuilder builder)
    {
        var instance = ServiceInstance.Create("inference");
        builder.Services.AddSingleton(instance);
        builder.Services.AddCategoryCatalog(builder.Configuration);
        builder.Services.AddMessageBus(builder.Configuration, x => AddInferenceConsumers(x, instance));
        return builder;
    }

    /// <summary>Shared with the consumer tests, so they exercise the same registrations.</summary>
    public static void AddInferenceConsumers(IBusRegistrationConfigurator x, ServiceInstance instance)
    {
        x.AddConsumer<PredictPriceConsumer, PredictPriceConsumerDefinition>();
        x.AddConsumer<PredictCompletionTimeConsumer, PredictCompletionTimeConsumerDefinition>();
        x.AddConsumer<PredictWorkerRatingConsumer, PredictWorkerRatingConsumerDefinition>();
        x.AddConsumer<GetModelStatusConsumer, GetModelStatusConsumerDefinition>();
        // Fan-out: each instance gets its own auto-deleted queue bound to the ReloadModels exchange.
        x.AddConsumer<ReloadModelsConsumer>().Endpoint(e =>
        {
            e.InstanceId = instance.Id;
            e.Temporary = true;
        });
    }
}
