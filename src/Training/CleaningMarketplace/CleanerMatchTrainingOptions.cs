namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>Fit settings of both cleaning networks (seed 004: 50 epochs, batch 256, Adam 0.001, early stopping after 5, ReduceLROnPlateau).</summary>
public sealed record CleanerMatchTrainingOptions
{
    public int Epochs { get; init; } = 50;
    public int BatchSize { get; init; } = 256;
    public double LearningRate { get; init; } = 0.001;
    public int Seed { get; init; } = 42;
    public int Patience { get; init; } = 5;
    public int PlateauPatience { get; init; } = 3;
    public double MinLearningRate { get; init; } = 1e-5;
    /// <summary>Where the fit checkpoints every epoch (and resumes from, when the file exists); none when null.</summary>
    public string? CheckpointPath { get; init; }
    /// <summary>The ensemble the report measures: this share rule-based, the rest neural (the engine's default 0.6).</summary>
    public double EnsembleRuleWeight { get; init; } = HireScorers.DefaultRuleWeight;
    /// <summary>Weight of each half's own MSE beside the hybrid's (0: the halves learn only through the blend), so the
    /// content half that scores cold-start pairs is a predictor on its own.</summary>
    public double HalfLossWeight { get; init; } = 0.5;
}
