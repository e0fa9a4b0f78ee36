using Microsoft.ML.OnnxRuntime;

namespace iAyos.Messaging.Onnx.Runtime;

/// <summary>
/// Whether an <see cref="ExecutionProvider"/> can be used in this process, checked before any session is made so
/// a misconfigured worker refuses to start instead of failing (or silently falling back to CPU) per model.
/// </summary>
public static class ExecutionProviders
{
    public const string CudaProviderName = "CUDAExecutionProvider";

    /// <summary>Null when <paramref name="provider"/> works here, otherwise what is missing.</summary>
    public static string? WhyUnavailable(ExecutionProvider provider, int deviceId = 0) =>
        WhyUnavailable(provider, OnnxEnvironment.AvailableProviders, () => ProbeCuda(deviceId));

    /// <summary>Throws <see cref="InvalidOperationException"/> saying what is missing when <paramref name="provider"/> does not work here.</summary>
    public static void Require(ExecutionProvider provider, int deviceId = 0)
    {
        if (WhyUnavailable(provider, deviceId) is { } why) throw new InvalidOperationException(why);
    }

    internal static string? WhyUnavailable(ExecutionProvider provider, IReadOnlyCollection<string> available, Func<string?> probeCuda) => provider switch
    {
        ExecutionProvider.Cpu => null,
        ExecutionProvider.Cuda when !available.Contains(CudaProviderName) =>
            $"the CUDA execution provider was asked for, but this ONNX Runtime {OnnxEnvironment.Version} has only " +
            $"{string.Join(", ", available)}: build with -p:OnnxRuntimeGpu=true (package Microsoft.ML.OnnxRuntime.Gpu.Linux) to get {CudaProviderName}.",
        ExecutionProvider.Cuda => probeCuda(),
        _ => $"unknown execution provider {provider}.",
    };

    /// <summary>
    /// The GPU package lists CUDA even on a machine without a GPU; appending the provider loads
    /// libonnxruntime_providers_cuda.so and CUDA's libraries, which fails clearly where they or the driver are missing.
    /// </summary>
    private static string? ProbeCuda(int deviceId)
    {
        try
        {
            using var options = new SessionOptions();
            options.AppendExecutionProvider_CUDA(deviceId);
            return null;
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
        {
            return $"the CUDA execution provider could not start on device {deviceId} (needs an NVIDIA GPU with its driver, CUDA 12 and cuDNN 9): {e.Message}";
        }
    }
}
