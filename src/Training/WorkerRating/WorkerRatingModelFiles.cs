using System.Security.Cryptography;

namespace iAyos.Messaging.Training.WorkerRating;

/// <summary>A worker-rating model's three files in one directory: model.onnx, features.json (what the InferenceWorker
/// reads) and metadata.json. The CLI's <c>iayos train --kind worker-rating</c> and the TrainingWorker both write these.</summary>
public static class WorkerRatingModelFiles
{
    public const string Model = "model.onnx", Features = "features.json", Metadata = "metadata.json";

    /// <summary>Writes the files and returns the model's sha256 (lowercase hex, as ModelArtifacts.Sha256Async gives).</summary>
    public static async Task<string> WriteAsync(string directory, WorkerRatingPipelineResult result, WorkerRatingModelMetadata metadata, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, Model), result.Onnx, ct);
        await File.WriteAllTextAsync(Path.Combine(directory, Features), result.Spec.ToJson(), ct);
        await File.WriteAllTextAsync(Path.Combine(directory, Metadata), metadata.ToJson(), ct);
        return Convert.ToHexStringLower(SHA256.HashData(result.Onnx));
    }
}
