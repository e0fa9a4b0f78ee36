using iAyos.Messaging.Engine.Training;

namespace iAyos.Messaging.Training.Fitting;

/// <summary>
/// The seeds' Keras callbacks as fit options: EarlyStopping on val_loss with restore_best_weights (kept at the end
/// too: a model selected on validation rows ships with its best epoch), ReduceLROnPlateau with factor 0.5, and a
/// checkpoint every epoch that a taken-over run resumes from.
/// </summary>
public static class KerasCallbacks
{
    public static TrainingOptions Options(int epochs, int batchSize, int seed, int patience, int plateauPatience, double minLearningRate,
        string? checkpointPath) => new()
    {
        Epochs = epochs,
        BatchSize = batchSize,
        Seed = seed,
        EarlyStoppingPatience = patience,
        RestoreBestWeights = true,
        EndOnBestWeights = true,
        ReduceLearningRatePatience = plateauPatience,
        ReduceLearningRateFactor = 0.5,
        MinLearningRate = minLearningRate,
        CheckpointPath = checkpointPath,
        CheckpointEveryEpoch = checkpointPath is not null,
        ResumeFrom = checkpointPath is { } path && File.Exists(path) ? path : null,
    };
}
