using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.InferenceWorker.Consumers;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.ModelServing;
using iAyos.Messaging.Onnx.Batching;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Onnx.Runtime;
using iAyos.Messaging.Predictions.CompletionTime;
using iAyos.Messaging.Predictions.FreelancerTrust;
using iAyos.Messaging.Predictions.Models;
using iAyos.Messaging.Predictions.PriceBudget;
using iAyos.Messaging.Predictions.Text;
using iAyos.Messaging.Predictions.WorkerRating;
using iAyos.Messaging.TextEncoding;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.InferenceWorker;

public static class InferenceRegistration
{
    /// <summary>The kinds this worker answers: one line each.</summary>
    public static readonly IReadOnlyList<IModelKind> ServedKinds =
    [
        PriceBudgetKind.Instance,
        CompletionTimeKind.Instance,
        WorkerRatingKind.Instance,
        FreelancerTrustKind.Instance,
    ];

    public static WebApplicationBuilder AddInference(this WebApplicationBuilder builder)
    {
        var instance = ServiceInstance.Create("inference");
        builder.Services.AddSingleton(instance);
        builder.Services.AddCategoryCatalog(builder.Configuration);
        // Before the bus starts, so requests never find a half-loaded set of models.
        builder.Services.AddRegistryModels(builder.Configuration, ServedKinds);
        var batching = builder.Services.AddModelServing(builder.Configuration);
        builder.Services.AddMessageBus(builder.Configuration, x => AddInferenceConsumers(x, instance, batching, ServedKinds));
        return builder;
    }

    /// <summary>Answering predictions from the loaded models: batching options, the runner they pick, the predictor.
    /// Returns the mode, which also decides how single requests are consumed.</summary>
    public static BatchingMode AddModelServing(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(BatchingOptions.Section);
        services.Configure<BatchingOptions>(section);
        var mode = section.GetValue(nameof(BatchingOptions.Mode), BatchingMode.Micro);
        if (mode == BatchingMode.Micro)
            services.AddSingleton<IModelRunner>(sp =>
            {
                var options = sp.GetRequiredService<IOptions<BatchingOptions>>().Value;
                return new MicroBatchingModelRunner(options.MaxBatchSize, options.MaxDelayMicroseconds);
            });
        else
            services.AddSingleton<IModelRunner, DirectModelRunner>();
        // The trust kind reads sentence embeddings: one encoder per process, with the models' session options
        // (its session is safe for concurrent runs). The warm-up loads it at start, so the first profile does not wait.
        services.AddSingleton<ITextEmbedder>(sp => new LazyTextEmbedder(
            () => new MiniLmEncoder(sp.GetService<IOptions<OnnxSessionOptions>>()?.Value), MiniLmEncoder.Dimension));
        services.AddHostedService<TextEncoderWarmup>();
        services.AddSingleton<ModelPredictor>();
        return mode;
    }

    /// <summary>Shared with the consumer tests, so they exercise the same registrations.</summary>
    public static void AddInferenceConsumers(IBusRegistrationConfigurator x, ServiceInstance instance, BatchingMode batching, IEnumerable<IModelKind> kinds)
    {
        foreach (var kind in kinds)
            kind.Accept(new KindConsumers(x, batching));
        x.AddConsumer<GetModelStatusConsumer, GetModelStatusConsumerDefinition>();
        // Fan-out: each instance gets its own auto-deleted queues bound to the ReloadModels and
        // ModelActivated exchanges.
        x.AddConsumer<ReloadModelsConsumer>().Endpoint(e =>
        {
            e.InstanceId = instance.Id;
            e.Temporary = true;
        });
        x.AddModelActivatedConsumer(instance);
    }

    /// <summary>A kind's consumers: single requests on its own queue (one by one, or as bus batches) with the Gateway's
    /// coalesced batches of them, and batch requests on the shared batch queue.</summary>
    private sealed class KindConsumers(IBusRegistrationConfigurator x, BatchingMode batching) : IModelKindVisitor<bool>
    {
        public bool Visit<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind)
            where TRequest : class
            where TResponse : class
        {
            if (batching == BatchingMode.Bus)
                x.AddConsumer<BusBatchPredictConsumer<TRequest, TResponse>, BusBatchPredictConsumerDefinition<TRequest, TResponse>>();
            else
                x.AddConsumer<PredictConsumer<TRequest, TResponse>, PredictConsumerDefinition<TRequest, TResponse>>();
            x.AddConsumer<CoalescedPredictConsumer<TRequest, TResponse>, CoalescedPredictConsumerDefinition<TRequest, TResponse>>();
            x.AddConsumer<PredictBatchConsumer<TRequest, TResponse>, PredictBatchConsumerDefinition<TRequest, TResponse>>();
            return true;
        }
    }
}
