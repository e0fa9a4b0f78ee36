using Microsoft.ML.OnnxRuntime;

namespace iAyos.Messaging.Onnx.Runtime;

/// <summary>
/// The process's one ONNX Runtime environment (the package's <see cref="OrtEnv"/> singleton: logging and global
/// state), created on first use with telemetry off. Every session uses it; it lives as long as the process.
/// </summary>
public static class OnnxEnvironment
{
    private static readonly Lazy<OrtEnv> Shared = new(() =>
    {
        var env = OrtEnv.Instance();
        env.DisableTelemetryEvents();
        return env;
    });

    /// <summary>ONNX Runtime's own version string, e.g. "1.31.1".</summary>
    public static string Version => Ort.GetVersionString();

    /// <summary>Execution providers this build of ONNX Runtime carries (CUDAExecutionProvider only in the GPU package).</summary>
    public static IReadOnlyList<string> AvailableProviders => Ort.GetAvailableProviders();

    internal static OrtEnv Ort => Shared.Value;
}
