namespace iAyos.Messaging.Contracts.Predictions;

/// <summary>Many rows of one kind in one request: one round trip, and one model run once models serve.</summary>
public sealed record PredictPriceBatch
{
    public required IReadOnlyList<PredictPrice> Rows { get; init; }
}

public sealed record PricePredictionBatch
{
    public required IReadOnlyList<PricePrediction> Predictions { get; init; }
}

public sealed record PredictCompletionTimeBatch
{
    public required IReadOnlyList<PredictCompletionTime> Rows { get; init; }
}

public sealed record CompletionTimePredictionBatch
{
    public required IReadOnlyList<CompletionTimePrediction> Predictions { get; init; }
}

public sealed record PredictWorkerRatingBatch
{
    public required IReadOnlyList<PredictWorkerRating> Rows { get; init; }
}

public sealed record WorkerRatingPredictionBatch
{
    public required IReadOnlyList<WorkerRatingPrediction> Predictions { get; init; }
}
