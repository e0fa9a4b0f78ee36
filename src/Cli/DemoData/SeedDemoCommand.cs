using System.CommandLine;
using System.Diagnostics;
using iAyos.Messaging.Cli.Simulation;
using iAyos.Messaging.Platform.Bus;
using iAyos.Messaging.Platform.Categories;
using iAyos.Messaging.Platform.Storage;
using MassTransit;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Cli.DemoData;

/// <summary>
/// <c>iayos seed-demo [--jobs 2000] [--workers 120] [--seed 42] [--timeout 600]</c>: migrates PostgreSQL, generates the
/// demo iAyos world (<see cref="ServiceJobWorldGenerator"/>) for the categories in <c>iayos.categories</c>, publishes
/// it as upstream events on the bus, and waits until the ScoringWorker has folded all of them into the read model, so
/// training can start right after. The same seed publishes the same event ids, so a rerun changes nothing.
/// </summary>
public static class SeedDemoCommand
{
    public const string Name = "seed-demo";

    /// <param name="addBus">How the bus is registered; the platform's RabbitMQ bus unless a test brings its own.</param>
    public static Command Create(Action<IServiceCollection, IConfiguration>? addBus = null)
    {
        var jobs = CliOptions.Number("--jobs", 2000, 1, 1_000_000, "--jobs must be between 1 and 1000000.", "How many demo jobs to generate.");
        var workers = CliOptions.Number("--workers", 120, 1, 100_000, "--workers must be between 1 and 100000.", "How many demo workers.");
        var seed = CliOptions.Number("--seed", 42, int.MinValue, int.MaxValue, "--seed must be a whole number.", "Seed of the generator; the same seed gives the same events.");
        var timeout = CliOptions.Number("--timeout", 600, 1, 86_400, "--timeout must be between 1 and 86400 seconds.",
            "Seconds to wait for the ScoringWorker to fold the events into PostgreSQL.");
        var command = new Command(Name, "Publishes the demo iAyos workers and jobs as events and waits until PostgreSQL holds them (idempotent).")
        {
            jobs, workers, seed, timeout,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(jobs), parse.GetValue(workers), parse.GetValue(seed), TimeSpan.FromSeconds(parse.GetValue(timeout)),
            addBus ?? ((services, configuration) => services.AddMessageBus(configuration, _ => { })),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(int jobs, int workers, int seed, TimeSpan timeout,
        Action<IServiceCollection, IConfiguration> addBus, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var builder = CliHost.CreateBuilder();
        builder.Services.AddPostgres(builder.Configuration);
        builder.Services.AddSingleton<ServiceJobReadModel>();
        addBus(builder.Services, builder.Configuration);
        await using var app = builder.Build();
        await app.MigrateDatabaseAsync();
        var readModel = app.Services.GetRequiredService<ServiceJobReadModel>();

        var categories = await new CategoryDefaultsReader(app.Services.GetRequiredService<NpgsqlDataSource>()).ReadAsync(ct);
        var world = ServiceJobWorldGenerator.Generate(categories, jobs, workers, seed);
        var events = world.ToEvents();

        var watch = Stopwatch.StartNew();
        var bus = app.Services.GetRequiredService<IBusControl>();
        await bus.StartAsync(ct);
        PublishReport report;
        try
        {
            report = await MarketplacePublisher.PublishAsync(events, bus, progress: null, ct);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }

        ServiceJobFacts held;
        try
        {
            held = await readModel.WaitForAsync(events, timeout, ct);
        }
        catch (TimeoutException e)
        {
            await error.WriteLineAsync($"seed-demo: {e.Message}");
            return ExitCodes.Failed;
        }
        await output.WriteLineAsync(
            $"Demo data (seed {seed}): {world.Workers.Count} workers and {world.Jobs.Count} jobs as {events.Count} events, published in " +
            $"{report.Elapsed.TotalSeconds:F1} s and folded into PostgreSQL after {watch.Elapsed.TotalSeconds:F1} s ({held}).");
        return ExitCodes.Ok;
    }
}
