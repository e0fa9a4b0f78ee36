using System.Diagnostics;
using System.Threading.Channels;
using iAyos.Messaging.Onnx.Runtime;

namespace iAyos.Messaging.Onnx.Batching;

/// <summary>
/// Collects rows from concurrent callers and runs those waiting for the same session as one ONNX Runtime call.
/// One loop takes everything queued (up to the batch size), so rows pile up while a run is busy and an idle
/// worker answers a lone request at once. A failed run fails each of its rows, and nothing else.
/// </summary>
public sealed class MicroBatchingModelRunner : IModelRunner, IAsyncDisposable
{
    private readonly Channel<PendingRow> _queue = Channel.CreateUnbounded<PendingRow>(new UnboundedChannelOptions { SingleReader = true });
    private readonly int _maxBatchSize;
    private readonly long _maxDelayMicroseconds;
    private readonly Task _loop;

    /// <param name="maxBatchSize">Most rows in one run.</param>
    /// <param name="maxDelayMicroseconds">How long the first waiting row may wait for company; 0 takes whatever queued
    /// up while the previous run was busy, so an idle runner adds no latency.</param>
    public MicroBatchingModelRunner(int maxBatchSize, int maxDelayMicroseconds = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDelayMicroseconds);
        _maxBatchSize = maxBatchSize;
        _maxDelayMicroseconds = maxDelayMicroseconds;
        _loop = Task.Factory.StartNew(RunLoopAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Rows per run so far; what the batching buys shows up as runs &lt; rows.</summary>
    public long Runs => Interlocked.Read(ref _runs);
    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>The most rows one run has taken: never above the batch size.</summary>
    public int LargestRun => Volatile.Read(ref _largestRun);

    private long _runs, _rows;
    private int _largestRun;

    public Task<float[]> RunAsync(OnnxSession session, string inputName, string outputName, float[] features)
    {
        var row = new PendingRow(session, inputName, outputName, features, new TaskCompletionSource<float[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(row))
            row.Result.SetException(new ObjectDisposedException(nameof(MicroBatchingModelRunner)));
        return row.Result.Task;
    }

    private async Task RunLoopAsync()
    {
        var batch = new List<PendingRow>(_maxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatchSize && reader.TryRead(out var row)) batch.Add(row);
            if (batch.Count < _maxBatchSize && _maxDelayMicroseconds > 0)
                await LingerAsync(batch, reader);
            foreach (var group in batch.GroupBy(r => (r.Session, r.InputName, r.OutputName, r.Features.Length)))
                RunGroup(group.ToList());
        }
    }

    /// <summary>Waits up to the configured delay for more rows; measured from now, so a row waits at most that.</summary>
    private async Task LingerAsync(List<PendingRow> batch, ChannelReader<PendingRow> reader)
    {
        var deadline = Stopwatch.GetTimestamp() + _maxDelayMicroseconds * Stopwatch.Frequency / 1_000_000;
        while (batch.Count < _maxBatchSize)
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
            while (batch.Count < _maxBatchSize && reader.TryRead(out var row)) batch.Add(row);
        }
    }

    private void RunGroup(List<PendingRow> rows)
    {
        try
        {
            var first = rows[0];
            var outputs = ModelBatch.Run(first.Session, first.InputName, first.OutputName, rows.Select(r => r.Features).ToList());
            Interlocked.Increment(ref _runs);
            Interlocked.Add(ref _rows, rows.Count);
            if (rows.Count > _largestRun) Volatile.Write(ref _largestRun, rows.Count); // the one loop writes it
            for (var i = 0; i < rows.Count; i++) rows[i].Result.SetResult(outputs[i]);
        }
        catch (Exception ex)
        {
            // The callers decide what a failure means (and log it); the loop goes on.
            foreach (var row in rows) row.Result.TrySetException(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record PendingRow(OnnxSession Session, string InputName, string OutputName, float[] Features, TaskCompletionSource<float[]> Result);
}
