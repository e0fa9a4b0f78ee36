namespace iAyos.Messaging.ScoringWorker;

/// <summary>Bound from the <c>Scoring</c> configuration section.</summary>
public sealed class ScoringOptions
{
    public const string Section = "Scoring";

    /// <summary>How often the full recompute command is sent (the seed's "run daily via cron"); 0 turns the schedule off.</summary>
    public double RecomputeIntervalMinutes { get; set; } = 24 * 60;

    /// <summary>Pins the moment activity windows are measured back from (tests, replays); now when unset.</summary>
    public DateTimeOffset? AsOf { get; set; }

    public DateTimeOffset AsOfNow() => AsOf ?? DateTimeOffset.UtcNow;
}
