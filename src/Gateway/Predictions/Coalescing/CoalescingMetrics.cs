using System.Diagnostics.Metrics;
using iAyos.Messaging.Platform.Metrics;

namespace iAyos.Messaging.Gateway.Predictions.Coalescing;

/// <summary>
/// <c>iayos.gateway.coalesced.rows</c>: predictions per bus message the coalescer sent, by kind. Mostly 1 on a quiet
/// Gateway; it climbs with load, which is how the Gateway keeps up (see <see cref="PredictionCoalescer{TRequest, TResponse}"/>).
/// </summary>
public static class CoalescingMetrics
{
    public const string RowsName = "iayos.gateway.coalesced.rows";

    private static readonly Meter Meter = new(MeterNames.Gateway + ".Coalescing");

    private static readonly Histogram<int> Rows = Meter.CreateHistogram<int>(RowsName, "{prediction}",
        "Predictions per bus message sent by the Gateway's coalescer.", tags: null,
        new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1000] });

    public static void Sent(string kind, int rows) => Rows.Record(rows, new KeyValuePair<string, object?>("kind", kind));
}
