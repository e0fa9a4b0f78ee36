using iAyos.Messaging.Predictions.Categories;
using iAyos.Messaging.Cli.DemoData;
using iAyos.Messaging.Training.CompletionTimeModel;

namespace iAyos.Messaging.Training.Tests.CompletionTimeModel;

/// <summary>The issue's demo world (seed 42, 2000 jobs, 120 workers) over migration 0002's 20 categories, without a database.</summary>
public static class DemoWorld
{
    /// <summary>iayos.categories as migration 0002 seeds it.</summary>
    public static readonly IReadOnlyList<CategoryDefaults> Categories =
    [
        new(1, "Plumbing", 800, 1800, 4500, 3.0), new(2, "Electrical", 900, 2000, 5000, 3.0),
        new(3, "Carpentry", 1200, 3000, 8000, 6.0), new(4, "Painting", 1500, 4000, 12000, 10.0),
        new(5, "House Cleaning", 600, 1200, 2500, 4.0), new(6, "Appliance Repair", 700, 1500, 3500, 2.5),
        new(7, "Aircon Servicing", 800, 1600, 3500, 2.0), new(8, "Masonry", 2000, 5000, 15000, 16.0),
        new(9, "Welding", 1200, 3000, 8000, 5.0), new(10, "Roofing", 2500, 6000, 18000, 12.0),
        new(11, "Gardening", 500, 1200, 3000, 4.0), new(12, "Moving and Hauling", 1500, 3500, 8000, 5.0),
        new(13, "Auto Mechanic", 1000, 2500, 7000, 4.0), new(14, "Tiling", 2000, 5000, 14000, 12.0),
        new(15, "Pest Control", 1000, 2200, 5000, 2.5), new(16, "Laundry", 300, 700, 1500, 3.0),
        new(17, "Computer Repair", 600, 1500, 3500, 2.0), new(18, "Home Renovation", 5000, 15000, 50000, 40.0),
        new(19, "Handyman", 500, 1200, 3000, 3.0), new(20, "Cooking and Catering", 1500, 4000, 10000, 6.0),
    ];

    public static readonly IReadOnlyDictionary<int, double> CategoryHours = Categories.ToDictionary(c => c.Id, c => c.Hours);

    public static ServiceJobWorld Generate(int jobs = 2000, int workers = 120, int seed = 42) => ServiceJobWorldGenerator.Generate(
        Categories.Select(c => new DemoJobGenerator.Category(c.Id, c.Name, c.AvgPrice, c.Hours)).ToList(), jobs, workers, seed);

    private static readonly Lazy<(ServiceJobWorld World, CompletionTimeDataset Data)> Issue = new(() =>
    {
        var world = Generate();
        return (world, CompletionTimeDataset.FromJobs(world.Jobs.Select(j => j.Job), world.Timelines(CategoryHours)));
    });

    public static ServiceJobWorld IssueWorld => Issue.Value.World;

    /// <summary>The issue's world as completion-time rows, split chronologically.</summary>
    public static CompletionTimeDataset IssueData => Issue.Value.Data;
}
