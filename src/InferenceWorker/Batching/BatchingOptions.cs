namespace iAyos.Messaging.InferenceWorker.Batching;

/// <summary>How concurrent prediction requests share ONNX Runtime runs (section <c>Inference:Batching</c>).</summary>
public sealed class BatchingOptions
{
    public const string Section = "Inference:Batching";

    public BatchingMode Mode { get; set; } = BatchingMode.Micro;

    /// <summary>Most rows in one run, in either batching mode.</summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>Micro mode: how long the first waiting row may wait for company. 0 takes whatever queued up
    /// while the previous run was busy, so an idle worker adds no latency.</summary>
    public int MaxDelayMicroseconds { get; set; }

    /// <summary>Bus mode: how long MassTransit holds a partial batch before delivering it.</summary>
    public int BusTimeLimitMilliseconds { get; set; } = 2;
}

public enum BatchingMode
{
    /// <summary>Every request is its own ONNX Runtime run.</summary>
    Off,

    /// <summary>Consumers hand rows to an in-process batcher that runs what is waiting as one batch.</summary>
    Micro,

    /// <summary>MassTransit delivers price requests as a <c>Batch&lt;PredictPrice&gt;</c> to one consumer.</summary>
    Bus,
}
