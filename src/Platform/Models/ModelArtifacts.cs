using System.Security.Cryptography;
using iAyos.Messaging.Platform.Storage;

namespace iAyos.Messaging.Platform.Models;

/// <summary>Where model artifacts live (<c>Models:ArtifactsDirectory</c>) and how they are checked.</summary>
public sealed class ModelArtifacts
{
    public const string Section = "Models";

    public string ArtifactsDirectory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "iayos", "models");

    /// <summary>Resolves a registry path inside the artifacts directory; a path that escapes it is refused.</summary>
    public string Resolve(string relativePath) =>
        ContainedPath.Resolve(ArtifactsDirectory, relativePath)
        ?? throw new ArgumentException($"Artifact path '{relativePath}' is outside the artifacts directory.", nameof(relativePath));

    public static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    /// <summary>Null when the artifact is present and matches; otherwise why not.</summary>
    public async Task<string?> VerifyAsync(string relativePath, string expectedSha256, CancellationToken ct)
    {
        string full;
        try
        {
            full = Resolve(relativePath);
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
        if (!File.Exists(full))
            return $"Artifact {full} does not exist.";
        var actual = await Sha256Async(full, ct);
        return actual == expectedSha256 ? null : $"Artifact {full} has sha256 {actual}, the registry expects {expectedSha256}.";
    }
}
