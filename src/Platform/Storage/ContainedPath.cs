namespace iAyos.Messaging.Platform.Storage;

/// <summary>A path named relative to a directory, resolved only when it stays inside it (no "..", no absolute path out).</summary>
public static class ContainedPath
{
    /// <returns>The full path, or null when it would land outside <paramref name="root"/>.</returns>
    public static string? Resolve(string root, string relativePath)
    {
        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine(fullRoot, relativePath));
        return full.StartsWith(fullRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? full : null;
    }
}
