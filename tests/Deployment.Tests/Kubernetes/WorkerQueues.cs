using System.Reflection;
using iAyos.Messaging.InferenceWorker;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Models;
using iAyos.Messaging.ScoringWorker;
using iAyos.Messaging.TrainingWorker.Consumers;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Deployment.Tests.Kubernetes;

/// <summary>
/// The durable queues each worker consumes, read from its own consumer registrations: the consumer definitions they
/// register, built as the worker builds them, name their endpoints. Consumers registered without a definition
/// (the per-instance, auto-deleted fan-out queues) are no scaling signal and are left out. A queue renamed in code, or
/// a consumer added, changes these sets.
/// </summary>
public static class WorkerQueues
{
    public static IReadOnlySet<string> InferenceWorker(BatchingMode mode) => EndpointsOf(s => InferenceWorker(s, mode));

    public static IReadOnlySet<string> ScoringWorker() => EndpointsOf(ScoringWorker);

    public static IReadOnlySet<string> TrainingWorker() => EndpointsOf(TrainingWorker);

    private static void InferenceWorker(IServiceCollection services, BatchingMode mode)
    {
        foreach (var kind in InferenceRegistration.ServedKinds)
            services.AddModelKind(kind);
        services.AddMassTransit(x => InferenceRegistration.AddInferenceConsumers(x, ServiceInstance.Create("test"), mode, InferenceRegistration.ServedKinds));
    }

    private static void ScoringWorker(IServiceCollection services) =>
        services.AddMassTransit(x =>
        {
            ScoringRegistration.AddScoringConsumers(x);
            ScoringRegistration.AddModelConsumers(x, ServiceInstance.Create("test"));
        });

    /// <summary>As TrainingRegistration.AddTraining registers it (inline there); the definition guard test catches a second one.</summary>
    private static void TrainingWorker(IServiceCollection services) =>
        services.AddMassTransit(x => x.AddConsumer<TrainModelConsumer, TrainModelConsumerDefinition>());

    /// <summary>The consumer definition types (generic ones open) that a worker's registrations, in every batching
    /// mode, register from the worker's own assembly.</summary>
    public static IEnumerable<Type> DefinitionTypes(Assembly worker)
    {
        Action<IServiceCollection>[] registrations = worker == typeof(InferenceRegistration).Assembly
            ? [s => InferenceWorker(s, BatchingMode.Micro), s => InferenceWorker(s, BatchingMode.Bus)]
            : worker == typeof(ScoringRegistration).Assembly ? [ScoringWorker]
            : worker == typeof(TrainModelConsumer).Assembly ? [TrainingWorker]
            : throw new ArgumentException($"{worker.GetName().Name} is not a worker.", nameof(worker));
        return registrations
            .SelectMany(register => Definitions(register, d => d.GetType()))
            .Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t)
            .Where(t => t.Assembly == worker)
            .Distinct();
    }

    private static IReadOnlySet<string> EndpointsOf(Action<IServiceCollection> register) =>
        Definitions(register, d => d.GetEndpointName(KebabCaseEndpointNameFormatter.Instance)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every consumer definition the registrations add, built by the container as the worker's bus builds them.</summary>
    private static List<T> Definitions<T>(Action<IServiceCollection> register, Func<IConsumerDefinition, T> read)
    {
        var services = new ServiceCollection();
        services.AddOptions();
        register(services);
        var definitions = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConsumerDefinition<>))
            .Select(d => d.ServiceType)
            .ToList();
        using var provider = services.BuildServiceProvider();
        return definitions.Select(type => read((IConsumerDefinition)provider.GetRequiredService(type))).ToList();
    }
}
