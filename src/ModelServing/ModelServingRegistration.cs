using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.Predictions.Models;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.ModelServing;

public static class ModelServingRegistration
{
    /// <summary>
    /// Serving the registry's active versions of <paramref name="kinds"/> in this process: the kinds, the artifacts
    /// folder, the registry, ONNX session options, <see cref="ActiveModels"/>, the loader, and the start-up load.
    /// Register this before the bus, so requests never find a half-loaded set of models.
    /// </summary>
    public static IServiceCollection AddRegistryModels(this IServiceCollection services, IConfiguration configuration, IEnumerable<ITrainedKind> kinds)
    {
        services.AddServedModels(kinds);
        services.Configure<ModelArtifacts>(configuration.GetSection(ModelArtifacts.Section));
        services.AddSingleton<IModelVersions, ModelRegistry>();
        services.AddOnnxSessionOptions(configuration);
        services.AddHostedService<ActiveModelsBootstrap>();
        return services;
    }

    /// <summary>The kinds served, what serves them and the loader, without the registry or artifacts (tests supply theirs).</summary>
    public static IServiceCollection AddServedModels(this IServiceCollection services, IEnumerable<ITrainedKind> kinds)
    {
        foreach (var kind in kinds)
            services.AddModelKind(kind);
        services.AddSingleton<ActiveModels>();
        services.AddSingleton<ModelLoader>();
        return services;
    }

    /// <summary>Fan-out: each instance gets its own auto-deleted queue bound to the ModelActivated exchange, so every
    /// replica loads the version just activated (not one competing consumer).</summary>
    public static void AddModelActivatedConsumer(this IBusRegistrationConfigurator x, ServiceInstance instance) =>
        x.AddConsumer<ModelActivatedConsumer>().Endpoint(e =>
        {
            e.InstanceId = instance.Id;
            e.Temporary = true;
        });

    /// <summary>The same fan-out for <see cref="ReloadActiveModelsConsumer"/> (a worker with its own reload consumer skips this).</summary>
    public static void AddReloadActiveModelsConsumer(this IBusRegistrationConfigurator x, ServiceInstance instance) =>
        x.AddConsumer<ReloadActiveModelsConsumer>().Endpoint(e =>
        {
            e.InstanceId = instance.Id;
            e.Temporary = true;
        });
}
