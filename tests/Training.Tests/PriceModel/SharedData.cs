namespace iAyos.Messaging.Training.Tests.PriceModel;

/// <summary>
/// Finds the project's read-only datasets: <c>shared/data</c> beside the repository (or beside any folder above
/// the test binaries, which covers worktrees), or the folder <c>IAYOS_SHARED_DATA</c> names.
/// </summary>
public static class SharedData
{
    public static string Directory { get; } = Locate();

    public static string PhBlueCollarCsv => Path.Combine(Directory, "ph_blue_collar_synthetic.csv");
    public static string PhBlueCollarSplit => Path.Combine(Directory, "splits", "ph_blue_collar_synthetic.split.json");
    public static string FreelancersCsv => Path.Combine(Directory, "global_freelancers_raw.csv");
    public static string FreelancersSplit => Path.Combine(Directory, "splits", "global_freelancers_raw.split.json");

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("IAYOS_SHARED_DATA") is { Length: > 0 } configured)
            return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (File.Exists(Path.Combine(candidate, "ph_blue_collar_synthetic.csv")))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/data was not found above {AppContext.BaseDirectory}; set IAYOS_SHARED_DATA to the folder holding ph_blue_collar_synthetic.csv.");
    }
}
