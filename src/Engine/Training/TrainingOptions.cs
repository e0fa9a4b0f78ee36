namespace iAyos.Messaging.Engine.Training;

/// <summary>
/// How Trainer.Fit runs. Early stopping and learning-rate reduction are off unless their patience
/// is set; both watch val_loss, or the training loss when there is no validation set. Defaults are Keras'.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>The last epoch to run (1-based; a resumed run counts the epochs before it).</summary>
    public int Epochs { get; init; } = 100;

    public int BatchSize { get; init; } = 32;

    /// <summary>With the data and initial weights, fixes the run: shuffles and dropout masks of epoch e come
    /// from a Random seeded by (Seed, e), so a resumed run repeats exactly what a straight run would do.</summary>
    public int Seed { get; init; }

    public bool Shuffle { get; init; } = true;

    /// <summary>Epochs without improvement before stopping (Keras EarlyStopping); null: never stop early.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>An improvement must beat the best loss by more than this.</summary>
    public double EarlyStoppingMinDelta { get; init; }

    /// <summary>On an early stop, put back the weights of the best epoch (Keras restore_best_weights: only when
    /// stopping early, not when the last epoch is reached).</summary>
    public bool RestoreBestWeights { get; init; } = true;

    /// <summary>Also restore the best epoch's weights when the run used every epoch (with early stopping on):
    /// what a model selected on validation rows should ship with.</summary>
    public bool EndOnBestWeights { get; init; }

    /// <summary>Epochs without improvement before multiplying the learning rate by
    /// <see cref="ReduceLearningRateFactor"/> (Keras ReduceLROnPlateau); null: off.</summary>
    public int? ReduceLearningRatePatience { get; init; }

    public double ReduceLearningRateFactor { get; init; } = 0.5;

    public double MinLearningRate { get; init; }

    /// <summary>Keras' ReduceLROnPlateau default min_delta.</summary>
    public double ReduceLearningRateMinDelta { get; init; } = 1e-4;

    /// <summary>Epochs after a reduction before counting epochs without improvement again.</summary>
    public int ReduceLearningRateCooldown { get; init; }

    /// <summary>Where to write the checkpoint (replaced atomically); null: no checkpoints.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Write after every epoch; otherwise only after epochs that improve the monitored loss.</summary>
    public bool CheckpointEveryEpoch { get; init; }

    /// <summary>A checkpoint to continue from: weights, optimizer, callbacks, history and the epoch it ended.</summary>
    public string? ResumeFrom { get; init; }

    internal void Validate()
    {
        if (Epochs <= 0) throw new ArgumentOutOfRangeException(nameof(Epochs), "Epochs must be positive.");
        if (BatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(BatchSize), "The batch size must be positive.");
        if (EarlyStoppingPatience < 0) throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), "Patience must not be negative.");
        if (ReduceLearningRatePatience < 0) throw new ArgumentOutOfRangeException(nameof(ReduceLearningRatePatience), "Patience must not be negative.");
        if (!(ReduceLearningRateFactor is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(ReduceLearningRateFactor), "The reduction factor must be in (0, 1).");
        if (!(MinLearningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(MinLearningRate), "The minimum learning rate must not be negative.");
        if (ReduceLearningRateCooldown < 0) throw new ArgumentOutOfRangeException(nameof(ReduceLearningRateCooldown), "The cooldown must not be negative.");
    }
}
