using iAyos.Messaging.Contracts.Validation;

namespace iAyos.Messaging.Predictions.Validation;

/// <summary>A request normalised to canonical spellings, or the errors that stop it.</summary>
public sealed record Validated<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors) where T : class
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>For consumers: the normalised request, or an exception that sends the message to the error queue.</summary>
    public T OrThrow() => IsValid && Value is not null ? Value : throw new InvalidRequestException(Errors);
}
