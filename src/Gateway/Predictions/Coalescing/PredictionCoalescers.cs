using System.Collections.Concurrent;
using iAyos.Messaging.Contracts;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;
using MassTransit;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Gateway.Predictions.Coalescing;

/// <summary>One <see cref="PredictionCoalescer{TRequest, TResponse}"/> per served kind, made on its first request.</summary>
public sealed class PredictionCoalescers(IClientFactory clients, InferenceCaller caller, IOptions<CoalescingOptions> options) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, IAsyncDisposable> _byKind = new();

    public bool Enabled => options.Value.Enabled;

    public PredictionCoalescer<TRequest, TResponse> For<TRequest, TResponse>(ModelKind<TRequest, TResponse> kind)
        where TRequest : class
        where TResponse : class =>
        // On every prediction: look up first, so the common case allocates no factory closure.
        (PredictionCoalescer<TRequest, TResponse>)(_byKind.TryGetValue(kind.Name, out var made) ? made
            : _byKind.GetOrAdd(kind.Name, _ => new PredictionCoalescer<TRequest, TResponse>(
                kind, clients.CreateRequestClient<PredictBatch<TRequest>>(QueueNames.Address(kind.Queue)), caller, options.Value)));

    public async ValueTask DisposeAsync()
    {
        foreach (var coalescer in _byKind.Values)
            await coalescer.DisposeAsync();
    }
}
