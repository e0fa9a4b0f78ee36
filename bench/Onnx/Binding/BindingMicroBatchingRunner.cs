using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using iAyos.Messaging.InferenceWorker.Batching;
using Microsoft.Extensions.Options;

namespace iAyos.Messaging.Onnx.Bench.Binding;

/// <summary>
/// Collects rows from concurrent consumers and runs those waiting for the same model as one ONNX Runtime call.
/// One loop takes everything queued (up to the batch size), so rows pile up while a run is busy and an idle
/// worker answers a lone request at once. A failed run fails each of its rows, and nothing else.
/// </summary>
public sealed class BindingMicroBatchingRunner : IAsyncDisposable
{
    private readonly Channel<PendingRow> _queue = Channel.CreateUnbounded<PendingRow>(new UnboundedChannelOptions { SingleReader = true });
    private readonly BatchingOptions _options;
    private readonly ILogger<BindingMicroBatchingRunner> _logger;
    private readonly Task _loop;

    public BindingMicroBatchingRunner(IOptions<BatchingOptions> options, ILogger<BindingMicroBatchingRunner> logger)
    {
        _options = options.Value;
        if (_options.MaxBatchSize < 1) throw new OptionsValidationException(BatchingOptions.Section, typeof(BatchingOptions), ["MaxBatchSize must be at least 1."]);
        _logger = logger;
        _loop = Task.Factory.StartNew(RunLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Rows per run so far; what the batching buys shows up as runs &lt; rows.</summary>
    public long Runs => Interlocked.Read(ref _runs);
    public long Rows => Interlocked.Read(ref _rows);
    private long _runs, _rows;

    public Task<float[]> RunAsync(BindingModel model, string inputName, string outputName, float[] features)
    {
        var row = new PendingRow(model, inputName, outputName, features, new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(row))
            row.Result.SetException(new ObjectDisposedException(nameof(BindingMicroBatchingRunner)));
        return row.Result.Task;
    }

    private async Task RunLoopAsync()
    {
        var batch = new List<PendingRow>(_options.MaxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var row)) batch.Add(row);
            if (batch.Count < _options.MaxBatchSize && _options.MaxDelayMicroseconds > 0)
                await LingerAsync(batch, reader);
            // By session (a reference), not by the BindingModel record's value equality: cheap, and the same thing.
            foreach (var group in batch.GroupBy(r => (r.Model.Session, r.InputName, r.OutputName, r.Features.Length)))
                RunGroup(group.ToList());
        }
    }

    /// <summary>Waits up to the configured delay for more rows; measured from now, so a row waits at most that.</summary>
    private async Task LingerAsync(List<PendingRow> batch, ChannelReader<PendingRow> reader)
    {
        var deadline = Stopwatch.GetTimestamp() + _options.MaxDelayMicroseconds * Stopwatch.Frequency / 1_000_000;
        while (batch.Count < _options.MaxBatchSize)
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero) return;
            using var timeout = new CancellationTokenSource(left);
            try
            {
                if (!await reader.WaitToReadAsync(timeout.Token)) return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var row)) batch.Add(row);
        }
    }

    private void RunGroup(List<PendingRow> rows)
    {
        try
        {
            var first = rows[0];
            var outputs = BindingModelBatch.Run(first.Model, first.InputName, first.OutputName, rows.Select(r => r.Features).ToList());
            Interlocked.Increment(ref _runs);
            Interlocked.Add(ref _rows, rows.Count);
            for (var i = 0; i < rows.Count; i++) rows[i].Result.SetResult(outputs[i]);
        }
        catch (Exception ex)
        {
            // The consumers decide what a failure means (the estimator answers); the loop goes on.
            _logger.LogDebug(ex, "A batch of {Rows} rows failed", rows.Count);
            foreach (var row in rows) row.Result.TrySetException(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record PendingRow(BindingModel Model, string InputName, string OutputName, float[] Features, TaskCompletionSource<float[]> Result);
}
