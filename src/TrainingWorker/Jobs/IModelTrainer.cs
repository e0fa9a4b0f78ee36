namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>Trains, exports, verifies and registers one model kind.</summary>
public interface IModelTrainer
{
    string Kind { get; }

    /// <param name="checkpointPath">Where to checkpoint each epoch; when the file exists the run resumes from it.</param>
    Task<TrainingOutcome> TrainAsync(TrainingJob job, string checkpointPath, ITrainingProgress progress, CancellationToken ct);
}

/// <summary>Where a trainer reports its run as it goes.</summary>
public interface ITrainingProgress
{
    Task StartedAsync(int trainSamples, int validationSamples, int testSamples, int resumedFromEpoch);

    Task EpochAsync(int epoch, double loss, double validationLoss, double learningRate, double epochSeconds);
}
