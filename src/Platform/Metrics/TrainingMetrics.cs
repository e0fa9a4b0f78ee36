using System.Diagnostics.Metrics;

namespace iAyos.Messaging.Platform.Metrics;

/// <summary>
/// A training run's epochs as the TrainingWorker reports them: <c>iayos.training.epochs</c> counts them, and the
/// gauge <c>iayos.training.loss</c> holds the last epoch's loss by <c>kind</c> and <c>split</c> (train or validation).
/// </summary>
public static class TrainingMetrics
{
    public const string EpochsName = "iayos.training.epochs";
    public const string LossName = "iayos.training.loss";
    public const string TrainSplit = "train";
    public const string ValidationSplit = "validation";

    private static readonly Meter Meter = new(MeterNames.Training);

    private static readonly Counter<long> Epochs = Meter.CreateCounter<long>(EpochsName, "{epoch}", "Training epochs completed, by model kind.");

    private static readonly Gauge<double> Loss = Meter.CreateGauge<double>(LossName, "1",
        "The last completed epoch's loss, by model kind and split (train, validation).");

    /// <param name="validationLoss">NaN when the run has no validation set: then only the training loss is set.</param>
    public static void EpochCompleted(string kind, double loss, double validationLoss)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        Epochs.Add(1, kindTag);
        if (double.IsFinite(loss))
            Loss.Record(loss, kindTag, new KeyValuePair<string, object?>("split", TrainSplit));
        if (double.IsFinite(validationLoss))
            Loss.Record(validationLoss, kindTag, new KeyValuePair<string, object?>("split", ValidationSplit));
    }
}
