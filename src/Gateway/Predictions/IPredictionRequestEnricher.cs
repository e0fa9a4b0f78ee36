using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Gateway.Predictions;

/// <summary>
/// Fills in what validated requests name but do not carry (a worker's history, from its id) before a worker
/// answers them. Optional: a request type without one is sent as it is. Takes a batch at once, so a batch that
/// names the same things many times reads them once.
/// </summary>
public interface IPredictionRequestEnricher<TRequest> where TRequest : class
{
    /// <returns>Per request, in order: the completed request, or errors keyed by field (e.g. an id that names nothing).</returns>
    Task<IReadOnlyList<Validated<TRequest>>> EnrichAsync(IReadOnlyList<TRequest> requests, CancellationToken ct);
}

public static class PredictionRequestEnrichment
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public static async Task<IReadOnlyList<Validated<TRequest>>> EnrichAllAsync<TRequest>(IServiceProvider services, IReadOnlyList<TRequest> requests,
        CancellationToken ct)
        where TRequest : class =>
        services.GetService<IPredictionRequestEnricher<TRequest>>() is { } enricher
            ? await enricher.EnrichAsync(requests, ct)
            : requests.Select(r => new Validated<TRequest>(r, NoErrors)).ToList();

    public static async Task<Validated<TRequest>> EnrichAsync<TRequest>(IServiceProvider services, TRequest request, CancellationToken ct)
        where TRequest : class =>
        (await EnrichAllAsync(services, [request], ct))[0];
}
