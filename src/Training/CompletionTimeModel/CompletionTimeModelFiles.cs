using System.Security.Cryptography;

namespace iAyos.Messaging.Training.CompletionTimeModel;

/// <summary>A completion-time model's three files in one directory: model.onnx, features.json (the fitted extractor
/// with the calibrated interval, what the InferenceWorker reads) and metadata.json.</summary>
public static class CompletionTimeModelFiles
{
    public const string Model = "model.onnx", Features = "features.json", Metadata = "metadata.json";

    /// <summary>Writes the files and returns the model's sha256.</summary>
    public static async Task<string> WriteAsync(string directory, CompletionTimePipelineResult result, CompletionTimeModelMetadata metadata, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, Model), result.Onnx, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, Features), result.Spec.ToJson(), ct);
        await File.WriteAllTextAsync(Path.Combine(directory, Metadata), metadata.ToJson(), ct);
        // Hashed from memory, the same lowercase hex ModelArtifacts.Sha256Async gives for the file.
        return Convert.ToHexStringLower(SHA256.HashData(result.Onnx));
    }
}
