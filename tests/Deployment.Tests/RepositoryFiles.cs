namespace iAyos.Messaging.Deployment.Tests;

/// <summary>Files of the checkout under test, found from the test assembly's directory upwards.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = Locate();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "iAyos.Messaging.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No iAyos.Messaging.sln above {AppContext.BaseDirectory}.");
    }
}
