namespace iAyos.Messaging.Platform.Metrics;

/// <summary>The meters /metrics exports: the platform's own, ASP.NET Core's (via its instrumentation), MassTransit's and the runtime's.</summary>
public static class MeterNames
{
    /// <summary>Every meter of ours is named under this prefix, so one wildcard subscribes to all of them.</summary>
    public const string Prefix = "iAyos.Messaging";

    public const string Predictions = Prefix + ".Predictions";
    public const string Training = Prefix + ".Training";
    public const string Gateway = Prefix + ".Gateway";

    /// <summary>Inference batches: defined in the Onnx project, which references nothing of ours (see Onnx's BatchMetrics).</summary>
    public const string Onnx = Prefix + ".Onnx";

    /// <summary>MassTransit 8's own meter (MassTransit.Monitoring.InstrumentationOptions.MeterName): receive and consume counts, faults and durations per endpoint.</summary>
    public const string MassTransit = "MassTransit";

    /// <summary>.NET's own meter: garbage collections and their pause time, thread-pool threads and queue length, lock
    /// contention, so a latency tail can be told apart from a GC or a starved pool without attaching a profiler.</summary>
    public const string Runtime = "System.Runtime";

    /// <summary>What the metrics pipeline subscribes to besides ASP.NET Core's.</summary>
    public static readonly string[] Exported = [Prefix + ".*", MassTransit, Runtime];
}
