using iAyos.Messaging.Contracts.Training;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>A claimed training run. <see cref="Attempt"/> above 1 means another worker held it before.</summary>
public sealed record TrainingJob(Guid RunId, string Kind, TrainingParameters Parameters, int Attempt, DateTimeOffset RequestedAt);

/// <summary>What a finished run reports: test-split metrics by name, and the registered version if any.</summary>
public sealed record TrainingOutcome(int EpochsRun, IReadOnlyDictionary<string, double> Metrics, int? RegisteredVersion, bool Activated, string Report);
