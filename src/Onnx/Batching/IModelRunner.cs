using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Batching;

/// <summary>Runs one request's feature row through a session and returns that row's outputs.</summary>
public interface IModelRunner
{
    Task<float[]> RunAsync(OnnxSession session, string inputName, string outputName, float[] features);
}
