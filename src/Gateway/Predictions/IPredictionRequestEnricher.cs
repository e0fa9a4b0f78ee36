using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>
/// Fills in what a validated request names but does not carry (a worker's history, from its id) before a worker
/// answers it. Optional: a request type without one is sent as it is.
/// </summary>
public interface IPredictionRequestEnricher<TRequest> where TRequest : class
{
    /// <returns>The completed request, or errors keyed by field (e.g. an id that names nothing).</returns>
    Task<Validated<TRequest>> EnrichAsync(TRequest request, CancellationToken ct);
}

public static class PredictionRequestEnrichment
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static Task<Validated<TRequest>> EnrichAsync<TRequest>(IServiceProvider services, TRequest request, CancellationToken ct)
        where TRequest : class =>
        services.GetService<IPredictionRequestEnricher<TRequest>>() is { } enricher
            ? enricher.EnrichAsync(request, ct)
            : Task.FromResult(new Validated<TRequest>(request, NoErrors));
}
