using iAyos.Messaging.InferenceWorker.Models;

namespace iAyos.Messaging.InferenceWorker.Batching;

/// <summary>One ONNX Runtime run per request, on the consumer's thread (batching off).</summary>
public sealed class DirectModelRunner : IModelRunner
{
    public Task<float[]> RunAsync(LoadedModel model, string inputName, string outputName, float[] features) =>
        Task.FromResult(ModelBatch.Run(model, inputName, outputName, [features])[0]);
}
