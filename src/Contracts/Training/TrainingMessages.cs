namespace iAyos.Messaging.Contracts.Training;

/// <summary>Command: train a model of one kind. <see cref="RunId"/> makes a redelivered command a no-op.</summary>
public sealed record TrainModel
{
    public required Guid RunId { get; init; }
    public required string Kind { get; init; }
    public required TrainingParameters Parameters { get; init; }
    public required DateTimeOffset RequestedAt { get; init; }
    public string RequestedBy { get; init; } = "api";
}

public sealed record TrainingParameters
{
    public int Epochs { get; init; } = 100;
    public int BatchSize { get; init; } = 32;
    public int MinSamples { get; init; } = 50;
    public bool Force { get; init; }
    /// <summary>A CSV file name inside the TrainingWorker's data directory; null trains from PostgreSQL.</summary>
    public string? CsvFile { get; init; }
    /// <summary>A split file (train/val/test row ids) inside the data directory.</summary>
    public string? SplitFile { get; init; }
    /// <summary>Named network configuration, e.g. <c>seed</c> or <c>served</c>.</summary>
    public string? Configuration { get; init; }
}

public sealed record TrainingRequested
{
    public required Guid RunId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}

public sealed record TrainingStarted
{
    public required Guid RunId { get; init; }
    public required string Kind { get; init; }
    public required string WorkerInstance { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public int TrainSamples { get; init; }
    public int ValidationSamples { get; init; }
    public int TestSamples { get; init; }
    /// <summary>0 for a fresh run; otherwise the last epoch of the checkpoint a taken-over run resumed from.</summary>
    public int ResumedFromEpoch { get; init; }
}

public sealed record TrainingEpochCompleted
{
    public required Guid RunId { get; init; }
    public required int Epoch { get; init; }
    public required double Loss { get; init; }
    public required double ValidationLoss { get; init; }
    public required double LearningRate { get; init; }
    public required double EpochSeconds { get; init; }
}

public sealed record TrainingCompleted
{
    public required Guid RunId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public required int EpochsRun { get; init; }
    /// <summary>Test-split metrics by name, e.g. <c>suggested_price.mae</c>.</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }
    public int? RegisteredVersion { get; init; }
    public bool Activated { get; init; }
}

public sealed record TrainingFailed
{
    public required Guid RunId { get; init; }
    public required string Kind { get; init; }
    public required DateTimeOffset FailedAt { get; init; }
    public required string Reason { get; init; }
}
