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

    /// <summary>
    /// A dependency (the broker, the workers, the database) is down or no worker answered: 503 with Retry-After.
    /// The detail says what to do, never where the dependency lives.
    /// </summary>
    public static IResult Unavailable(string title, string detail, TimeSpan retryAfter, string? reason = null, string? correlationId = null)
    {
        var extensions = new Dictionary<string, object?>
        {
            ["reason"] = reason,
            ["retry_after_seconds"] = RetryAfterResult.Seconds(retryAfter),
        };
        if (correlationId is not null)
            extensions["correlation_id"] = correlationId;
        return new RetryAfterResult(
            Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail, extensions: extensions),
            retryAfter);
    }

    public static IResult BusUnavailable(string detail) =>
        Unavailable("The message bus is unavailable.", detail, Resilience.DependencyFailures.RetryAfter, Resilience.FallbackReasons.BrokerUnreachable);

    /// <summary>
    /// A worker took the request and failed. The exception's message stays in the worker's log (it may name hosts
    /// or files); the client gets its type and the correlation id to quote. A worker whose database is down
    /// answers 503 with Retry-After instead: the request was fine.
    /// </summary>
    public static IResult WorkerFault(string? correlationId, string exceptionType, bool dependencyDown) => dependencyDown
        ? Unavailable("A dependency of the worker is unavailable.", "The worker could not reach its database; try again shortly.",
            Resilience.DependencyFailures.RetryAfter, "dependency_unavailable", correlationId)
        : Results.Problem(
            statusCode: StatusCodes.Status502BadGateway,
            title: "The worker failed to process the request.",
            detail: $"The worker failed with {exceptionType}; its log has the details under correlation_id {correlationId}.",
            extensions: new Dictionary<string, object?> { ["correlation_id"] = correlationId });

    public static IResult NotFound(string what) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: what);
}
