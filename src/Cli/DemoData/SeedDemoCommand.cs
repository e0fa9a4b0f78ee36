using System.CommandLine;
using iAyos.Messaging.Platform.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace iAyos.Messaging.Cli.DemoData;

/// <summary><c>iayos seed-demo [--jobs 2000] [--seed 42]</c>: migrate, load demo jobs, exit. Safe to run again.</summary>
public static class SeedDemoCommand
{
    public const string Name = "seed-demo";

    public static Command Create()
    {
        var jobs = CliOptions.Number("--jobs", 2000, 1, 1_000_000, "--jobs must be between 1 and 1000000.", "How many demo jobs to generate.");
        var seed = CliOptions.Number("--seed", 42, int.MinValue, int.MaxValue, "--seed must be a whole number.", "Seed of the generator; the same seed gives the same jobs.");
        var command = new Command(Name, "Migrates PostgreSQL and writes demo iAyos jobs into iayos.jobs (idempotent).") { jobs, seed };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(jobs), parse.GetValue(seed), parse.InvocationConfiguration.Output, ct));
        return command;
    }

    public static async Task<int> RunAsync(int jobs, int seed, TextWriter output, CancellationToken ct)
    {
        var builder = CliHost.CreateBuilder();
        builder.Services.AddPostgres(builder.Configuration);
        builder.Services.AddSingleton<DemoJobLoader>();
        await using var app = builder.Build();
        await app.MigrateDatabaseAsync();
        var (generated, inserted) = await app.Services.GetRequiredService<DemoJobLoader>().LoadAsync(jobs, seed, ct);
        await output.WriteLineAsync($"Demo data: {generated} jobs generated with seed {seed}, {inserted} new rows in iayos.jobs.");
        return ExitCodes.Ok;
    }
}
