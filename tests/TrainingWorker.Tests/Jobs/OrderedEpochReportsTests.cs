using iAyos.Messaging.Engine.Training;
using iAyos.Messaging.TrainingWorker.Jobs;

namespace iAyos.Messaging.TrainingWorker.Tests.Jobs;

public class OrderedEpochReportsTests
{
    [Fact]
    public async Task Every_epoch_is_published_in_order_while_training_does_not_wait()
    {
        var progress = new SlowProgress();
        var reports = new OrderedEpochReports(progress);

        for (var epoch = 1; epoch <= 20; epoch++)
            reports.Report(new EpochReport(epoch, 1.0 / epoch, null, 0.001, TimeSpan.FromMilliseconds(5)));
        await reports.CompleteAsync();

        Assert.Equal(Enumerable.Range(1, 20), progress.Epochs);
        Assert.True(double.IsNaN(progress.LastValidationLoss)); // no validation loss is sent as NaN
    }

    /// <summary>A broker that takes a while per message.</summary>
    private sealed class SlowProgress : ITrainingProgress
    {
        public List<int> Epochs { get; } = [];
        public double LastValidationLoss { get; private set; }

        public Task StartedAsync(int trainSamples, int validationSamples, int testSamples, int resumedFromEpoch) => Task.CompletedTask;

        public async Task EpochAsync(int epoch, double loss, double validationLoss, double learningRate, double epochSeconds)
        {
            await Task.Delay(1);
            Epochs.Add(epoch);
            LastValidationLoss = validationLoss;
        }
    }
}
