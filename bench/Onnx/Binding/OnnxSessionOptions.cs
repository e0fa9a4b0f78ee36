namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// How a session runs. The defaults suit small models called concurrently: each call runs on its caller's
/// thread (one intra-op and one inter-op thread) and idle pool threads sleep instead of spinning.
/// </summary>
public sealed class OnnxSessionOptions
{
    public static OnnxSessionOptions Default { get; } = new();

    /// <summary>Threads that parallelise work inside one operator; 0 lets ONNX Runtime choose (one per core).</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Threads that run independent operators at once (parallel execution mode only); 0 = ONNX Runtime's choice.</summary>
    public int InterOpThreads { get; init; } = 1;

    public GraphOptimizationLevel OptimizationLevel { get; init; } = GraphOptimizationLevel.All;

    /// <summary>Whether idle pool threads busy-wait for work (lower latency, a core burnt per idle thread).</summary>
    public bool AllowSpinning { get; init; }

    /// <summary>A native OrtSessionOptions carrying these settings; dispose it once the session is created.</summary>
    internal OrtHandle CreateNative(OrtApi api)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads);
        ArgumentOutOfRangeException.ThrowIfNegative(InterOpThreads);
        if (!Enum.IsDefined(OptimizationLevel))
            throw new ArgumentOutOfRangeException(nameof(OptimizationLevel), OptimizationLevel, "Unknown graph optimization level.");

        var options = api.CreateSessionOptions();
        try
        {
            var native = options.DangerousGetHandle();
            api.SetIntraOpNumThreads(native, IntraOpThreads);
            api.SetInterOpNumThreads(native, InterOpThreads);
            api.SetSessionGraphOptimizationLevel(native, OptimizationLevel);
            // Keys from onnxruntime_session_options_config_keys.h.
            var spin = AllowSpinning ? "1" : "0";
            api.AddSessionConfigEntry(native, "session.intra_op.allow_spinning", spin);
            api.AddSessionConfigEntry(native, "session.inter_op.allow_spinning", spin);
            return options;
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }
}
