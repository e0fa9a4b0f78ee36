using System.Threading.Channels;
using iAyos.Messaging.Engine.Training;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>
/// Bridges the engine's synchronous per-epoch callback to <see cref="ITrainingProgress"/>: reports queue up on
/// the training thread and are published in order, so training never waits for the broker.
/// </summary>
public sealed class OrderedEpochReports : IProgress<EpochReport>
{
    private readonly Channel<EpochReport> _reports = Channel.CreateUnbounded<EpochReport>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _publishing;

    public OrderedEpochReports(ITrainingProgress progress)
    {
        _publishing = Task.Run(async () =>
        {
            await foreach (var r in _reports.Reader.ReadAllAsync())
                await progress.EpochAsync(r.Epoch, r.Loss, r.ValLoss ?? double.NaN, r.LearningRate, r.Elapsed.TotalSeconds);
        });
    }

    public void Report(EpochReport value) => _reports.Writer.TryWrite(value);

    /// <summary>Waits until every queued report is published.</summary>
    public Task CompleteAsync()
    {
        _reports.Writer.TryComplete();
        return _publishing;
    }
}
