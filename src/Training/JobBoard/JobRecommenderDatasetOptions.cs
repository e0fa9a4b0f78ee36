namespace iAyos.Messaging.Training.JobBoard;

/// <summary>Which negatives the dataset holds and how it is cut by time.</summary>
public sealed record JobRecommenderDatasetOptions
{
    /// <summary>Shown-but-not-applied pairs (viewed, saved or dismissed, never applied) as negatives.</summary>
    public bool ShownNegatives { get; init; } = true;

    /// <summary>Random jobs (open at the time, never interacted with by the user) sampled per application.</summary>
    public int RandomNegativesPerPositive { get; init; } = 1;

    /// <summary>The latest share of examples held out as test.</summary>
    public double TestShare { get; init; } = 0.2;

    /// <summary>The latest share of the training part used for early stopping and selection.</summary>
    public double ValidationShare { get; init; } = 0.1;

    /// <summary>Seeds the random negatives.</summary>
    public int Seed { get; init; } = 42;
}
