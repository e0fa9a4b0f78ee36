namespace iAyos.Messaging.Gateway.Http;

/// <summary>RFC 7807 answers that name what was wrong, so a client can fix its request.</summary>
public static class Problems
{
    public static IResult InvalidFields(IReadOnlyDictionary<string, string[]> errors) =>
        Results.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value),
            title: "The request has invalid fields.",
            detail: "Invalid: " + string.Join(", ", errors.Keys.Order(StringComparer.Ordinal)) + ".");

    public static IResult InvalidField(string field, string message) =>
        InvalidFields(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult UnsupportedMediaType(string? contentType) => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "The request body must be JSON.",
        detail: $"Content-Type '{contentType ?? "(none)"}' is not supported; send 'application/json'.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = ["must be application/json."] } });

    public static IResult TooLarge(long limit) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        detail: $"Bodies are limited to {limit} bytes.",
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { ["body"] = [$"must be at most {limit} bytes."] },
            ["limit_bytes"] = limit,
        });

    public static IResult BusUnavailable(string detail) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The message bus is unavailable.",
        detail: detail);

    public static IResult WorkerFault(string? correlationId, string detail) => Results.Problem(
        statusCode: StatusCodes.Status502BadGateway,
        title: "The worker failed to process the request.",
        detail: detail,
        extensions: new Dictionary<string, object?> { ["correlation_id"] = correlationId });

    public static IResult NotFound(string what) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: what);
}
