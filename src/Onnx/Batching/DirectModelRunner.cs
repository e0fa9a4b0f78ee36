using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Batching;

/// <summary>One ONNX Runtime run per request, on the caller's thread (batching off).</summary>
public sealed class DirectModelRunner : IModelRunner
{
    public Task<float[]> RunAsync(OnnxSession session, string inputName, string outputName, float[] features) =>
        Task.FromResult(ModelBatch.Run(session, inputName, outputName, [features])[0]);
}
