using Microsoft.ML.OnnxRuntime;

namespace iAyos.Messaging.Onnx.Runtime;

/// <summary>
/// How a session runs. The defaults suit small models called concurrently: each call runs on its caller's
/// thread (plus one intra-op helper for large batches), idle pool threads sleep instead of spinning, on the CPU.
/// </summary>
public sealed class OnnxSessionOptions
{
    public static OnnxSessionOptions Default { get; } = new();

    /// <summary>
    /// Threads that parallelise work inside one operator; 0 lets ONNX Runtime choose (one per core). 1, measured on
    /// the 2-core development machine with the price LSTM: 2 threads make a lone 1,000-row run faster (851 vs
    /// 1,199 us) but 64 concurrent rows through the micro-batcher slower (174 vs 142 us), and serving is the
    /// concurrent case; set <c>Inference:IntraOpThreads</c> for offline batches.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Threads that run independent operators at once (parallel execution mode only); 0 = ONNX Runtime's choice.</summary>
    public int InterOpThreads { get; init; } = 1;

    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.All;

    /// <summary>Whether idle pool threads busy-wait for work (lower latency, a core burnt per idle thread).</summary>
    public bool AllowSpinning { get; init; }

    /// <summary>Configuration <c>Inference:ExecutionProvider</c> in the InferenceWorker: <c>cpu</c> (default) or <c>cuda</c>.</summary>
    public ExecutionProvider ExecutionProvider { get; init; } = ExecutionProvider.Cpu;

    /// <summary>The GPU the CUDA provider uses.</summary>
    public int CudaDeviceId { get; init; }

    /// <summary>The package's <see cref="SessionOptions"/> carrying these settings; dispose it once the session is created.</summary>
    internal SessionOptions CreateNative()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads);
        ArgumentOutOfRangeException.ThrowIfNegative(InterOpThreads);
        ArgumentOutOfRangeException.ThrowIfNegative(CudaDeviceId);
        if (!Enum.IsDefined(OptimizationLevel))
            throw new ArgumentOutOfRangeException(nameof(OptimizationLevel), OptimizationLevel, "Unknown graph optimization level.");
        // Before any native options exist: a clear "what is missing" instead of ORT's own text per model.
        ExecutionProviders.Require(ExecutionProvider, CudaDeviceId);

        _ = OnnxEnvironment.Ort; // telemetry off before the first session
        var options = new SessionOptions();
        try
        {
            options.IntraOpNumThreads = IntraOpThreads;
            options.InterOpNumThreads = InterOpThreads;
            options.GraphOptimizationLevel = (Microsoft.ML.OnnxRuntime.GraphOptimizationLevel)(int)OptimizationLevel;
            // Keys from onnxruntime_session_options_config_keys.h.
            var spin = AllowSpinning ? "1" : "0";
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", spin);
            options.AddSessionConfigEntry("session.inter_op.allow_spinning", spin);
            if (ExecutionProvider == ExecutionProvider.Cuda) options.AppendExecutionProvider_CUDA(CudaDeviceId);
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }
}
