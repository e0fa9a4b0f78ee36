using System.Security.Cryptography;

namespace iAyos.Messaging.Training.PriceModel;

/// <summary>A price model's three files in one directory: model.onnx, features.json (the fitted extractor the
/// InferenceWorker reads) and metadata.json.</summary>
public static class PriceModelFiles
{
    public const string Model = "model.onnx", Features = "features.json", Metadata = "metadata.json";

    /// <summary>Writes the files and returns the model's sha256.</summary>
    public static async Task<string> WriteAsync(string directory, PricePipelineResult result, PriceModelMetadata metadata, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var model = Path.Combine(directory, Model);
        await File.WriteAllBytesAsync(model, result.Onnx, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, Features), result.Spec.ToJson(), ct);
        await File.WriteAllTextAsync(Path.Combine(directory, Metadata), metadata.ToJson(), ct);
        // Hashed from memory, the same lowercase hex ModelArtifacts.Sha256Async gives for the file.
        return Convert.ToHexStringLower(SHA256.HashData(result.Onnx));
    }
}
