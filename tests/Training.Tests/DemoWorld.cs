using System.Globalization;
using System.Text.RegularExpressions;
using iAyos.Messaging.Cli.DemoData;
using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Predictions.Workers;

namespace iAyos.Messaging.Training.Tests;

/// <summary>The demo world the issue's tables are measured on (seed 42, 2000 jobs, 120 workers), over the 20 categories
/// read from the migration that seeds them, with its worker timelines built without a database.</summary>
public static partial class DemoWorld
{
    /// <summary>iayos.categories as migration 0002 seeds it.</summary>
    public static IReadOnlyList<CategoryDefaults> Categories { get; } = ReadCategories();

    public static IReadOnlyDictionary<int, double> CategoryHours { get; } = Categories.ToDictionary(c => c.Id, c => c.Hours);

    private static readonly Lazy<ServiceJobWorld> Shared = new(() => Generate());

    /// <summary>Seed 42, 2000 jobs, 120 workers: what up.sh seeds.</summary>
    public static ServiceJobWorld World => Shared.Value;

    public static ServiceJobWorld Generate(int seed = 42, int jobs = 2000, int workers = 120) =>
        ServiceJobWorldGenerator.Generate(Categories, jobs, workers, seed);

    public static IReadOnlyList<WorkerTimeline> Timelines(ServiceJobWorld world) => world.Timelines(CategoryHours).Values.ToList();

    private static IReadOnlyList<CategoryDefaults> ReadCategories()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var sql = Path.Combine(dir.FullName, "src", "Platform", "Storage", "Migrations", "0002_iayos_categories_and_jobs.sql");
            if (!File.Exists(sql)) continue;
            return CategoryRow().Matches(File.ReadAllText(sql))
                .Select(m => new CategoryDefaults(
                    int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                    m.Groups[2].Value,
                    decimal.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture),
                    decimal.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture),
                    decimal.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture),
                    double.Parse(m.Groups[6].Value, CultureInfo.InvariantCulture)))
                .ToList();
        }
        throw new FileNotFoundException("The categories migration was not found above the test binaries.");
    }

    // ( 1, 'Plumbing', 800, 1800, 4500, 3.0)
    [GeneratedRegex(@"\(\s*(\d+),\s*'([^']+)',\s*(\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)")]
    private static partial Regex CategoryRow();
}
