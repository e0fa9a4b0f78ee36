using iAyos.Messaging.InferenceWorker.Models;

namespace iAyos.Messaging.InferenceWorker.Batching;

/// <summary>Runs one request's feature row through a loaded model and returns that row's outputs.</summary>
public interface IModelRunner
{
    Task<float[]> RunAsync(LoadedModel model, string inputName, string outputName, float[] features);
}
