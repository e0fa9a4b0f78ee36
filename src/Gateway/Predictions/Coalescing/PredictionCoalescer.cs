using System.Threading.Channels;
using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Models;
using MassTransit;

namespace iAyos.Messaging.Gateway.Predictions.Coalescing;

/// <summary>
/// Coalesces the concurrent single predictions of one kind into <see cref="PredictBatch{TRequest}"/> messages on the
/// kind's own queue: the broker and the InferenceWorker then handle one message per batch instead of one per
/// prediction, which is what caps the request/response path (bench/throughput.sh). At most
/// <see cref="CoalescingOptions.MaxBatchesInFlight"/> messages wait for answers; requests arriving while all do are
/// sent together as soon as one returns. Every request gets its own outcome, as if it had been asked alone: the
/// batch's answer row, or the batch's timeout or fault, which the caller maps to the fallback or a problem.
/// </summary>
public sealed class PredictionCoalescer<TRequest, TResponse> : IAsyncDisposable
    where TRequest : class
    where TResponse : class
{
    private readonly ModelKind<TRequest, TResponse> _kind;
    private readonly IRequestClient<PredictBatch<TRequest>> _client;
    private readonly InferenceCaller _caller;
    private readonly int _maxBatchSize;
    private readonly SemaphoreSlim _slots;
    private readonly Channel<Waiting> _waiting = Channel.CreateUnbounded<Waiting>(); // not SingleReader: that reader cannot Count
    private readonly Task _pump;
    private volatile bool _closed;

    public PredictionCoalescer(ModelKind<TRequest, TResponse> kind, IRequestClient<PredictBatch<TRequest>> client, InferenceCaller caller, CoalescingOptions options)
    {
        _kind = kind;
        _client = client;
        _caller = caller;
        _maxBatchSize = options.MaxBatchSize;
        _slots = new SemaphoreSlim(options.MaxBatchesInFlight, options.MaxBatchesInFlight);
        _pump = Task.Run(PumpAsync);
    }

    public Task<InferenceOutcome<TResponse>> AskAsync(TRequest request)
    {
        // A free slot and nobody waiting: send it now, alone, from the caller's thread. At light load that saves the
        // hand-off to the pump and back, two thread wake-ups of the few a prediction costs (p99 at 500/s, bench/throughput.sh).
        if (!_closed && _waiting.Reader.Count == 0 && _slots.Wait(0))
            return SendAloneAsync(request);
        var waiting = new Waiting(request, new TaskCompletionSource<InferenceOutcome<TResponse>>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_waiting.Writer.TryWrite(waiting))
            throw new ObjectDisposedException(nameof(PredictionCoalescer<TRequest, TResponse>), "The Gateway is shutting down.");
        return waiting.Outcome.Task;
    }

    private async Task PumpAsync()
    {
        var reader = _waiting.Reader;
        while (await reader.WaitToReadAsync())
        {
            // Take a slot first: what arrives while every slot is busy joins the next batch.
            await _slots.WaitAsync();
            var batch = new List<Waiting>(Math.Min(_maxBatchSize, 64));
            while (batch.Count < _maxBatchSize && reader.TryRead(out var next))
                batch.Add(next);
            if (batch.Count == 0)
            {
                _slots.Release();
                continue;
            }
            _ = SendAsync(batch);
        }
    }

    private async Task<InferenceOutcome<TResponse>> SendAloneAsync(TRequest request)
    {
        try
        {
            CoalescingMetrics.Sent(_kind.Name, 1);
            var outcome = await _caller.AskAsync<PredictBatch<TRequest>, PredictionBatch<TResponse>>(_kind.Queue, _client, new PredictBatch<TRequest> { Rows = [request] });
            return RowOf(outcome, 0, 1);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task SendAsync(List<Waiting> batch)
    {
        try
        {
            var message = new PredictBatch<TRequest> { Rows = [.. batch.Select(w => w.Request)] };
            CoalescingMetrics.Sent(_kind.Name, batch.Count);
            var outcome = await _caller.AskAsync<PredictBatch<TRequest>, PredictionBatch<TResponse>>(_kind.Queue, _client, message);
            for (var i = 0; i < batch.Count; i++)
                batch[i].Outcome.TrySetResult(RowOf(outcome, i, batch.Count));
        }
        catch (Exception ex)
        {
            foreach (var waiting in batch)
                waiting.Outcome.TrySetException(ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>The batch's outcome as row <paramref name="index"/> would have had it alone.</summary>
    private static InferenceOutcome<TResponse> RowOf(InferenceOutcome<PredictionBatch<TResponse>> outcome, int index, int rows) => outcome switch
    {
        InferenceOutcome<PredictionBatch<TResponse>>.Answered { Response.Predictions: var answers } when answers.Count == rows
            => new InferenceOutcome<TResponse>.Answered(answers[index]),
        InferenceOutcome<PredictionBatch<TResponse>>.Answered { Response.Predictions: var answers }
            => throw new InvalidOperationException($"The worker answered {answers.Count} rows for a batch of {rows}."),
        InferenceOutcome<PredictionBatch<TResponse>>.Faulted f => new InferenceOutcome<TResponse>.Faulted(f.CorrelationId, f.ExceptionType, f.DependencyDown),
        InferenceOutcome<PredictionBatch<TResponse>>.Silent s => new InferenceOutcome<TResponse>.Silent(s.Reason),
        _ => throw new InvalidOperationException("Unknown inference outcome."),
    };

    public async ValueTask DisposeAsync()
    {
        _closed = true;
        _waiting.Writer.TryComplete();
        await _pump;
    }

    private sealed record Waiting(TRequest Request, TaskCompletionSource<InferenceOutcome<TResponse>> Outcome);
}
