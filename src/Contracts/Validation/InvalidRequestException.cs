namespace iAyos.Messaging.Contracts.Validation;

/// <summary>
/// A message whose values no consumer can act on (a prediction request, a training command). Consumers let
/// it fault without retry so the message lands in the error queue with this text as the reason.
/// </summary>
public sealed class InvalidRequestException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Invalid request: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
