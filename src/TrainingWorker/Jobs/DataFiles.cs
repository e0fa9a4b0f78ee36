using iAyos.Messaging.Platform.Storage;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>Files a training command names, resolved inside the data directory; anything else is refused.</summary>
public static class DataFiles
{
    public static string Resolve(string dataDirectory, string name, string field)
    {
        var full = ContainedPath.Resolve(dataDirectory, name)
            ?? throw new TrainingDataException($"{field} '{name}' is outside the training data directory.");
        if (!File.Exists(full))
            throw new TrainingDataException($"{field} '{name}' is not in the training data directory {Path.GetFullPath(dataDirectory)}.");
        return full;
    }
}
