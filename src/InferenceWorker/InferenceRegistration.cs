using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.InferenceWorker.Consumers;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Platform.Models;
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
        builder.Services.Configure<ModelArtifacts>(builder.Configuration.GetSection(ModelArtifacts.Section));
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton<ActiveModels>();
        builder.Services.AddOnnxSessionOptions(builder.Configuration);
        builder.Services.AddSingleton<ModelLoader>();
        var batching = builder.Services.AddModelServing(builder.Configuration);
        // Before the bus starts, so requests never find a half-loaded set of models.
        builder.Services.AddHostedService<ActiveModelsBootstrap>();
        builder.Services.AddMessageBus(builder.Configuration, x => AddInferenceConsumers(x, instance, batching));
        return builder;
    }

    /// <summary>Answering from models: batching options, the runner they pick, the predictor. Returns the mode,
    /// which also decides how price requests are consumed.</summary>
    public static BatchingMode AddModelServing(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(BatchingOptions.Section);
        services.Configure<BatchingOptions>(section);
        var mode = section.GetValue(nameof(BatchingOptions.Mode), BatchingMode.Micro);
        if (mode == BatchingMode.Micro)
            services.AddSingleton<IModelRunner, MicroBatchingModelRunner>();
        else
            services.AddSingleton<IModelRunner, DirectModelRunner>();
        services.AddSingleton<ModelPredictor>();
        return mode;
    }

    /// <summary>Shared with the consumer tests, so they exercise the same registrations.</summary>
    public static void AddInferenceConsumers(IBusRegistrationConfigurator x, ServiceInstance instance, BatchingMode batching)
    {
        if (batching == BatchingMode.Bus)
            x.AddConsumer<PredictPriceBatchConsumer, PredictPriceBatchConsumerDefinition>();
        else
            x.AddConsumer<PredictPriceConsumer, PredictPriceConsumerDefinition>();
        x.AddConsumer<PredictCompletionTimeConsumer, PredictCompletionTimeConsumerDefinition>();
        x.AddConsumer<PredictWorkerRatingConsumer, PredictWorkerRatingConsumerDefinition>();
        x.AddConsumer<GetModelStatusConsumer, GetModelStatusConsumerDefinition>();
        x.AddConsumer<BatchPredictionConsumer, BatchPredictionConsumerDefinition>();
        // Fan-out: each instance gets its own auto-deleted queues bound to the ReloadModels and
        // ModelActivated exchanges.
        x.AddConsumer<ReloadModelsConsumer>().Endpoint(e =>
        {
            e.InstanceId = instance.Id;
            e.Temporary = true;
        });
        x.AddConsumer<ModelActivatedConsumer>().Endpoint(e =>
        {
            e.InstanceId = instance.Id;
            e.Temporary = true;
        });
    }
}
