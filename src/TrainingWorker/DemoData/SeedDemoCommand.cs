using iAyos.Messaging.Platform.Storage;

namespace iAyos.Messaging.TrainingWorker.DemoData;

/// <summary><c>seed-demo [--jobs N] [--seed S]</c>: migrate, load demo jobs, exit. Safe to run again.</summary>
public static class SeedDemoCommand
{
    public const string Name = "seed-demo";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var jobs = IntOption(args, "--jobs", 2000);
        var seed = IntOption(args, "--seed", 42);
        if (jobs is < 1 or > 1_000_000)
        {
            Console.Error.WriteLine("--jobs must be between 1 and 1000000");
            return 2;
        }
        await app.MigrateDatabaseAsync();
        var (generated, inserted) = await app.Services.GetRequiredService<DemoJobLoader>().LoadAsync(jobs, seed, CancellationToken.None);
        Console.WriteLine($"Demo data: {generated} jobs generated with seed {seed}, {inserted} new rows in iayos.jobs.");
        return 0;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }
}
