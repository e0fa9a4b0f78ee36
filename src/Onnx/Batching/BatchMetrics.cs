using System.Diagnostics.Metrics;

namespace iAyos.Messaging.Onnx.Batching;

/// <summary>
/// Every ONNX Runtime run of <see cref="ModelBatch"/> (direct, micro-batched or a bus batch):
/// <c>iayos.inference.batch.rows</c>, the rows it took, and <c>iayos.inference.run.duration</c>, its seconds.
/// The meter's name is under the platform's prefix (Platform's MeterNames.Onnx) so /metrics picks it up; this
/// project references nothing of ours, hence the name is spelled here.
/// </summary>
public static class BatchMetrics
{
    public const string MeterName = "iAyos.Messaging.Onnx";
    public const string RowsName = "iayos.inference.batch.rows";
    public const string RunDurationName = "iayos.inference.run.duration";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<int> Rows = Meter.CreateHistogram<int>(RowsName, "{row}",
        "Rows per ONNX Runtime run: above 1 when requests were batched.", tags: null,
        new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] });

    // From 100 µs (one small row) up to seconds (a large batch on a busy CPU).
    private static readonly Histogram<double> RunSeconds = Meter.CreateHistogram<double>(RunDurationName, "s",
        "Seconds in ONNX Runtime per run (the session's Run call).", tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    public static void Ran(int rows, TimeSpan elapsed)
    {
        Rows.Record(rows);
        RunSeconds.Record(elapsed.TotalSeconds);
    }
}
