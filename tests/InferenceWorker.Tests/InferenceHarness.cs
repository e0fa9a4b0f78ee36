using iAyos.Messaging.ModelServing;
using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Platform.Models;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.InferenceWorker.Tests;

/// <summary>The InferenceWorker's consumer registrations on MassTransit's in-memory test harness.</summary>
public sealed class InferenceHarness : IAsyncDisposable
{
    public static readonly ServiceInstance Instance = new("inference-test-instance");

    private readonly ServiceProvider _provider;

    private InferenceHarness(ServiceProvider provider, FixedCategoryCatalog catalog, RegisteredVersions versions, string artifacts)
    {
        _provider = provider;
        Catalog = catalog;
        Versions = versions;
        ArtifactsDirectory = artifacts;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public FixedCategoryCatalog Catalog { get; }

    /// <summary>What the registry holds, as the loader reads it.</summary>
    public RegisteredVersions Versions { get; }

    /// <summary>A fresh directory per harness, for artifacts a test registers.</summary>
    public string ArtifactsDirectory { get; }

    public IServiceProvider Services => _provider;

    public static async Task<InferenceHarness> StartAsync(BatchingMode batching = BatchingMode.Micro)
    {
        var catalog = new FixedCategoryCatalog(FixedCategoryCatalog.Plumbing);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{BatchingOptions.Section}:Mode"] = batching.ToString() })
            .Build();
        var versions = new RegisteredVersions();
        var artifacts = Directory.CreateTempSubdirectory("iayos-inference-test-").FullName;
        var services = new ServiceCollection();
        services.AddServedModels(InferenceRegistration.ServedKinds);
        services.AddModelServing(configuration);
        var provider = services
            .AddLogging()
            .AddSingleton<ICategoryCatalogProvider>(catalog)
            .AddSingleton(Instance)
            .AddSingleton<IModelVersions>(versions)
            .Configure<ModelArtifacts>(o => o.ArtifactsDirectory = artifacts)
            .AddSingleton(TimeProvider.System)
            .AddMassTransitTestHarness(x => InferenceRegistration.AddInferenceConsumers(x, Instance, batching, InferenceRegistration.ServedKinds))
            .BuildServiceProvider(validateScopes: true);
        var harness = new InferenceHarness(provider, catalog, versions, artifacts);
        await harness.Harness.Start();
        return harness;
    }

    public IRequestClient<T> Client<T>() where T : class => Harness.GetRequestClient<T>();

    /// <summary>A client that sends to one queue (the harness's own client publishes, reaching every queue bound to the type).</summary>
    public IRequestClient<T> ClientTo<T>(string queue) where T : class =>
        Harness.Bus.CreateRequestClient<T>(new Uri($"queue:{queue}"));

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Directory.Delete(ArtifactsDirectory, recursive: true);
    }
}
