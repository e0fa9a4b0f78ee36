namespace iAyos.Messaging.Predictions.Validation;

/// <summary>
/// A request whose values no estimator can answer. Consumers let it fault without retry so the message
/// lands in the error queue with this text as the reason.
/// </summary>
public sealed class InvalidPredictionRequestException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Invalid prediction request: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
