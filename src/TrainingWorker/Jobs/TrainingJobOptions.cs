namespace iAyos.Messaging.TrainingWorker.Jobs;

/// <summary>Section <c>Training</c>: where data and checkpoints live, and how jobs are held.</summary>
public sealed class TrainingJobOptions
{
    public const string Section = "Training";

    /// <summary>CSV and split files a command may name; a path outside it is refused.</summary>
    public string DataDirectory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "iayos", "data");

    /// <summary>One checkpoint file per run, so a run taken over by another worker resumes where it stopped.</summary>
    public string CheckpointDirectory { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "iayos", "checkpoints");

    public double HeartbeatSeconds { get; set; } = 5;

    /// <summary>A running job whose heartbeat is older than this belongs to a dead worker and is taken over.</summary>
    public double StaleAfterSeconds { get; set; } = 60;

    /// <summary>How often an idle worker looks for jobs (a command to this instance wakes it at once).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Seed of weight initialisation, shuffles and dropout: the same data and seed train the same model.</summary>
    public int Seed { get; set; } = 42;
}
