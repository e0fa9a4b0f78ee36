namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// How the job recommender is trained and measured. Seed 002: BCE, Adam 1e-3, batch 32 ("larger if validation
/// agrees"), at most 50 epochs, early stopping after 10 without a better validation loss, best weights kept. Every
/// combination of <see cref="BatchSizes"/> x <see cref="Dropouts"/> x <see cref="WeightDecays"/> x <see cref="EmbeddingDecays"/> is trained and the one
/// with the best validation AUC ships; the test part is never looked at until the report.
/// </summary>
public sealed record JobRecommenderTrainingOptions
{
    public JobRecommenderDatasetOptions Dataset { get; init; } = new();
    public int Epochs { get; init; } = 50;
    public int Patience { get; init; } = 10;
    public double LearningRate { get; init; } = 0.001;
    public IReadOnlyList<int> BatchSizes { get; init; } = [32, 256];
    public IReadOnlyList<double> Dropouts { get; init; } = [0.2];
    /// <summary>L2 factors on the kernels (Keras' l2 regularizer, through the optimizer). On the board (seed 42,
    /// batch 32) with plain fields validation AUC was 0.616 at 0, 0.632 at 1e-4, 0.621 at 3e-4, 0.618 at 1e-3; with the
    /// profile-marked fields 0.7215 at 0 and 0.7224 at 1e-4, so both are tried.</summary>
    public IReadOnlyList<double> WeightDecays { get; init; } = [0, 1e-4];
    /// <summary>Lazy L2 factors on the embedding tables (<see cref="EmbeddingDecay"/>): the ids' vectors, which hold most
    /// of the weights. Off by default: 0.1 and 1 lowered validation AUC on the board.</summary>
    public IReadOnlyList<double> EmbeddingDecays { get; init; } = [0];
    public int Seed { get; init; } = 42;
    /// <summary>Mark each job skill and the job's location by whether the user's profile has it (<see cref="Predictions.JobBoard.JobRecommenderSpec.MarkUserSkills"/>,
    /// <see cref="Predictions.JobBoard.JobRecommenderSpec.MarkUserLocation"/>); off gives the seed's plain fields.</summary>
    public bool MarkUserProfile { get; init; } = true;

    /// <summary>
    /// The share of fit rows whose user index, and independently whose job index, is set to unknown (0) while fitting,
    /// so the unknown rows learn what a new user or a new job looks like (on test, jobs listed after the cut are all
    /// unknown). 0: the unknown rows are never trained. On the board (seed 42) with plain fields 0.3 had the best
    /// validation AUC of 0.1, 0.3 and 0.5 (0.6126, 0.6251, 0.6036); with the profile-marked fields 0.1 and 0.3 tie (0.7245,
    /// 0.7224) and 0.5 is lower (0.7122).
    /// </summary>
    public double UnknownIdShare { get; init; } = 0.3;

    /// <summary>Factor length of the matrix-factorization baseline.</summary>
    public int MfFactors { get; init; } = 32;
    /// <summary>The baseline's lazy L2 factors on its factor and bias tables, selected on validation AUC like the ConvFM's settings.</summary>
    public IReadOnlyList<double> MfEmbeddingDecays { get; init; } = [0, 1e-3, 1e-2];
    public int MfBatchSize { get; init; } = 256;

    /// <summary>Random never-interacted jobs beside each test user's shown jobs in the ranking protocol.</summary>
    public int RankingRandomCandidates { get; init; } = RankingCases.RandomCandidates;

    /// <summary>Rows per inference batch when scoring validation, test and ranking rows.</summary>
    public int PredictBatchSize { get; init; } = 1024;
}
