namespace iAyos.Messaging.Cli.Simulation.JobBoard;

/// <summary>
/// What to simulate. The defaults are the demo board up.sh publishes (quick to fold and train); the scale is
/// 2,000 users x 5,000 jobs, about 100,000 interactions. <see cref="AsOf"/> is fixed by default, not today, so that a
/// rerun on another day publishes the very same events (same ids, same times) and the read model stays as it was.
/// </summary>
public sealed record JobBoardGeneratorOptions
{
    public static readonly DateTimeOffset DefaultAsOf = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public int Users { get; init; } = 1_000;
    public int Jobs { get; init; } = 3_000;
    public int Seed { get; init; } = 42;
    /// <summary>When the simulated board stops: nothing happens after it.</summary>
    public DateTimeOffset AsOf { get; init; } = DefaultAsOf;
    /// <summary>How many days of sessions end at <see cref="AsOf"/>; jobs start being listed a month earlier.</summary>
    public int Days { get; init; } = 90;
    /// <summary>The mean number of sessions of an active user over <see cref="Days"/> (each shows about <see cref="ShownPerSession"/> jobs).</summary>
    public double SessionsPerUser { get; init; } = 3.4;
    public int ShownPerSession { get; init; } = 10;
    /// <summary>Users with no profile event at all (they still browse and apply).</summary>
    public double NoProfileShare { get; init; } = 0.03;
    /// <summary>Users with a profile who never open a session: cold start.</summary>
    public double ColdStartShare { get; init; } = 0.04;
}

/// <summary>
/// A generated board: the events in publish order (by OccurredAt, ties in generation order), the snapshot that folding
/// them gives (what the TrainingWorker reads back from the read model), and the truth behind the applications.
/// </summary>
public sealed record GeneratedJobBoard(
    IReadOnlyList<Contracts.JobBoard.IJobBoardEvent> Events,
    Training.JobBoard.JobBoardSnapshot Snapshot,
    JobBoardTruth Truth);
