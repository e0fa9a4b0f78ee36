namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>Files a training command names, resolved inside the data directory; anything else is refused.</summary>
public static class DataFiles
{
    public static string Resolve(string dataDirectory, string name, string field)
    {
        var root = Path.GetFullPath(dataDirectory);
        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new TrainingDataException($"{field} '{name}' is outside the training data directory.");
        if (!File.Exists(full))
            throw new TrainingDataException($"{field} '{name}' is not in the training data directory {root}.");
        return full;
    }
}
