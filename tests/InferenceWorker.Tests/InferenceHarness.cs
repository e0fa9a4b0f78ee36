using iAyos.Messaging.InferenceWorker.Batching;
using iAyos.Messaging.InferenceWorker.Models;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
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

    private InferenceHarness(ServiceProvider provider, FixedCategoryCatalog catalog)
    {
        _provider = provider;
        Catalog = catalog;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public FixedCategoryCatalog Catalog { get; }

    public IServiceProvider Services => _provider;

    public static async Task<InferenceHarness> StartAsync(BatchingMode batching = BatchingMode.Micro)
    {
        var catalog = new FixedCategoryCatalog(FixedCategoryCatalog.Plumbing);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"{BatchingOptions.Section}:Mode"] = batching.ToString() })
            .Build();
        var services = new ServiceCollection();
        services.AddModelServing(configuration);
        var provider = services
            .AddLogging()
            .AddSingleton<ICategoryCatalogProvider>(catalog)
            .AddSingleton(Instance)
            .AddSingleton<ActiveModels>()
            .AddSingleton(TimeProvider.System)
            .AddMassTransitTestHarness(x => InferenceRegistration.AddInferenceConsumers(x, Instance, batching))
            .BuildServiceProvider(validateScopes: true);
        var harness = new InferenceHarness(provider, catalog);
        await harness.Harness.Start();
        return harness;
    }

    public IRequestClient<T> Client<T>() where T : class => Harness.GetRequestClient<T>();

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
