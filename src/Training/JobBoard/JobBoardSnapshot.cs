using iAyos.Messaging.Predictions.JobBoard;

namespace iAyos.Messaging.Training.JobBoard;

/// <summary>
/// Everything the job recommender trains on, read at one instant: the TrainingWorker reads it from the job board's read
/// model, the generator builds it in memory for offline evaluation. Interactions are in <see cref="InteractionRecord.OccurredAt"/> order.
/// </summary>
public sealed record JobBoardSnapshot(
    IReadOnlyList<JobRecord> Jobs,
    IReadOnlyList<UserFacts> Users,
    IReadOnlyList<InteractionRecord> Interactions);

/// <summary>A listing with its lifetime: listed at <see cref="ListedAt"/>, closed at <see cref="ClosedAt"/> (null while open).</summary>
public sealed record JobRecord(JobFacts Facts, DateTimeOffset ListedAt, DateTimeOffset? ClosedAt);

/// <summary>One <c>UserInteracted</c> event: <see cref="Interaction"/> is one of InteractionKinds.</summary>
public sealed record InteractionRecord(long UserId, long JobId, string Interaction, DateTimeOffset OccurredAt);
