namespace iAyos.Messaging.Engine.Training;

/// <param name="StartEpoch">The first epoch this call ran (1, or the one after a resumed checkpoint).</param>
/// <param name="EpochsRun">The last epoch completed, counting epochs before a resume.</param>
/// <param name="Monitor">"val_loss", or "loss" when there was no validation set.</param>
/// <param name="BestEpoch">The epoch with the lowest monitored loss.</param>
/// <param name="BestLoss">That loss.</param>
/// <param name="History">Every epoch, including those before a resume.</param>
/// <param name="RestoredBestWeights">Whether the network now holds <paramref name="BestEpoch"/>'s weights rather than the last epoch's.</param>
public sealed record TrainingResult(
    int StartEpoch,
    int EpochsRun,
    string Monitor,
    int BestEpoch,
    double BestLoss,
    IReadOnlyList<EpochReport> History,
    StopReason StopReason,
    bool RestoredBestWeights);
