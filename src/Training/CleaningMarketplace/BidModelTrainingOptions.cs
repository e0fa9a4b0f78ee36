namespace iAyos.Messaging.Training.CleaningMarketplace;

/// <summary>Fit settings of the bid network (the seed's: 50 epochs, batch 256, Adam 0.001, early stopping after 5, ReduceLROnPlateau).</summary>
public sealed record BidModelTrainingOptions
{
    public int Epochs { get; init; } = 50;
    public int BatchSize { get; init; } = 256;
    public double LearningRate { get; init; } = 0.001;
    public int Seed { get; init; } = 42;
    public int Patience { get; init; } = 5;
    public int PlateauPatience { get; init; } = 3;
    public double MinLearningRate { get; init; } = 1e-5;
    public string? CheckpointPath { get; init; }
}
