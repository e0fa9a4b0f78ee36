namespace iAyos.Messaging.Training.JobBoard;

/// <summary>Where a training example came from: an application (the positive), or one of the two kinds of negative.</summary>
public enum ExampleSource
{
    /// <summary>The user applied to the job (label 1).</summary>
    Applied,
    /// <summary>The user was shown the job (viewed, saved or dismissed it) and never applied (label 0).</summary>
    Shown,
    /// <summary>A job open at the time that the user never interacted with, sampled beside an application (label 0).</summary>
    Random,
}

/// <summary>
/// One (user, job) pair with its label. <see cref="Time"/> is when the pair first happened: the user's first
/// interaction with the job, or for a random negative the time of the application it was sampled beside. The split
/// cuts on it.
/// </summary>
public sealed record JobRecommenderExample(long UserId, long JobId, DateTimeOffset Time, ExampleSource Source)
{
    public bool Applied => Source == ExampleSource.Applied;
}
