using System.Diagnostics.Metrics;
using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Platform.Metrics;

/// <summary>
/// <c>iayos.predictions</c>: answers produced, by <c>kind</c> (the model kind's name) and <c>source</c>
/// (<see cref="PredictionSources"/>: model, fallback, gateway_fallback). Counted where the answer is made: the
/// InferenceWorker's predictor and the Gateway's own fallback. Both tags come from closed sets, never from input.
/// </summary>
public static class PredictionMetrics
{
    public const string PredictionsName = "iayos.predictions";

    private static readonly Meter Meter = new(MeterNames.Predictions);

    private static readonly Counter<long> Predictions = Meter.CreateCounter<long>(PredictionsName, "{prediction}",
        "Predictions answered, by model kind and by source (model, fallback, gateway_fallback).");

    public static void Produced(string kind, string source, int count = 1)
    {
        if (count > 0)
            Predictions.Add(count, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("source", source));
    }
}
