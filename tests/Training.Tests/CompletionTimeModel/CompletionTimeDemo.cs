using iAyos.Messaging.Training.CompletionTimeModel;

namespace iAyos.Messaging.Training.Tests.CompletionTimeModel;

/// <summary>The demo world as completion-time rows, split chronologically (built once).</summary>
public static class CompletionTimeDemo
{
    private static readonly Lazy<CompletionTimeDataset> Rows = new(() =>
        CompletionTimeDataset.FromJobs(DemoWorld.World.Jobs.Select(j => j.Job), DemoWorld.World.Timelines(DemoWorld.CategoryHours)));

    public static CompletionTimeDataset Data => Rows.Value;
}
