using System.Security.Cryptography;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>A read-model network's three files in one directory: model.onnx, features.json (the spec, with the ID
/// mappings of cleaner-match and the job recommender) and metadata.json (the run's figures).</summary>
public static class NetworkModelFiles
{
    public const string Model = "model.onnx", Features = "features.json", Metadata = "metadata.json";

    /// <summary>Writes the files and returns the model's sha256.</summary>
    public static async Task<string> WriteAsync(string directory, byte[] onnx, string specJson, string metadataJson, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, Model), onnx, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, Features), specJson, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, Metadata), metadataJson, ct);
        // Hashed from memory, the same lowercase hex ModelArtifacts.Sha256Async gives for the file.
        return Convert.ToHexStringLower(SHA256.HashData(onnx));
    }
}
