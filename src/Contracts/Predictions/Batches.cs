namespace iAyos.Messaging.Contracts.Predictions;

/// <summary>Many rows of one kind in one request: one round trip, and one model run for all of them.</summary>
public sealed record PredictBatch<TRequest> where TRequest : class
{
    public required IReadOnlyList<TRequest> Rows { get; init; }
}

/// <summary>The answers to a <see cref="PredictBatch{TRequest}"/>, in its order.</summary>
public sealed record PredictionBatch<TResponse> where TResponse : class
{
    public required IReadOnlyList<TResponse> Predictions { get; init; }
}
