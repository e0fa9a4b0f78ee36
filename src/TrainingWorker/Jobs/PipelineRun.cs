using iAyos.Messaging.Engine.Training;

namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>
/// How every trainer runs its pipeline: progress starts (with the epoch a checkpoint resumes from), epochs are
/// reported in order while training goes on, and the CPU-bound fit runs off the host's threads.
/// </summary>
public static class PipelineRun
{
    public static async Task<TResult> RunAsync<TResult>(string checkpointPath, (int Train, int Validation, int Test) samples,
        ITrainingProgress progress, Func<IProgress<EpochReport>, TResult> train, CancellationToken ct)
    {
        var resumedFrom = File.Exists(checkpointPath) ? Checkpoint.Load(checkpointPath).Epoch : 0;
        await progress.StartedAsync(samples.Train, samples.Validation, samples.Test, resumedFrom);
        var reports = new OrderedEpochReports(progress);
        try
        {
            return await Task.Run(() => train(reports), ct);
        }
        finally
        {
            await reports.CompleteAsync();
        }
    }
}
