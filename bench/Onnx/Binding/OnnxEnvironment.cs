namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// The process's one ONNX Runtime environment (<c>OrtEnv</c>: logging and global state), created on first use
/// with warnings-and-above logging and telemetry off. It lives as long as the process; every session uses it.
/// </summary>
/// <remarks>
/// The library comes from <see cref="OnnxRuntimeLibrary.Load"/>: call that first with the configured path at
/// start-up; otherwise the environment variable and default locations are used.
/// </remarks>
public sealed class OnnxEnvironment
{
    private const int LoggingLevelWarning = 2; // OrtLoggingLevel: ORT_LOGGING_LEVEL_WARNING

    private static readonly Lock Gate = new();
    private static volatile OnnxEnvironment? _shared;

    private OnnxEnvironment(OnnxRuntimeLibrary library)
    {
        Library = library;
        Handle = library.Api.CreateEnv(LoggingLevelWarning, "iayos");
        library.Api.DisableTelemetryEvents(Handle.DangerousGetHandle());
    }

    /// <summary>The environment, created (and the library loaded) on first use. A failure is not cached.</summary>
    public static OnnxEnvironment Shared
    {
        get
        {
            if (_shared is { } shared) return shared;
            lock (Gate)
                return _shared ??= new OnnxEnvironment(OnnxRuntimeLibrary.Load());
        }
    }

    public OnnxRuntimeLibrary Library { get; }

    internal OrtApi Api => Library.Api;

    /// <summary>Never disposed: the environment must outlive every session, and it is process-wide.</summary>
    internal OrtHandle Handle { get; }
}
