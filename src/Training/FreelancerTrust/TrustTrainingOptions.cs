namespace iAyos.Messaging.Training.FreelancerTrust;

/// <summary>How seed 003's network is trained and what the run measures beside it.</summary>
public sealed record TrustTrainingOptions
{
    /// <summary>The seed's most epochs; early stopping on validation loss usually ends sooner.</summary>
    public int Epochs { get; init; } = 50;
    public int BatchSize { get; init; } = 32;
    public int Seed { get; init; } = 42;
    public double LearningRate { get; init; } = 1e-3;
    /// <summary>The seed's Adam weight decay 1e-5 (PyTorch's: every parameter, after clipping).</summary>
    public double WeightDecay { get; init; } = 1e-5;
    public double ClipNorm { get; init; } = 1.0;
    public double Dropout { get; init; } = 0.4;
    public int Patience { get; init; } = 8;
    /// <summary>ReduceLROnPlateau: halve the rate after this many epochs without a better validation loss.</summary>
    public int ReduceLearningRatePatience { get; init; } = 3;
    public double MinLearningRate { get; init; } = 1e-5;
    /// <summary>Which timesteps the shipped network reads (<see cref="iAyos.Messaging.Predictions.FreelancerTrust.TrustConfigurations"/>).</summary>
    public string Configuration { get; init; } = iAyos.Messaging.Predictions.FreelancerTrust.TrustConfigurations.Seed;
    /// <summary>Also train the other two configurations and report them (the ablation): triples the training time.</summary>
    public bool Ablation { get; init; }
    /// <summary>LSTM widths; the seed's unless a test asks for a smaller network.</summary>
    public IReadOnlyList<int> Units { get; init; } = [256, 128, 64];
    public int PredictBatchSize { get; init; } = 256;
}
