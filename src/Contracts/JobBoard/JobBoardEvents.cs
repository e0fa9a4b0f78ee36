namespace iAyos.Messaging.Contracts.JobBoard;

/// <summary>
/// What every job-board event carries (seed 002's upstream job aggregator). Versioned by addition only, like the
/// marketplace's events: a new field is optional, so older publishers' messages still deserialize.
/// </summary>
public interface IJobBoardEvent
{
    /// <summary>Unique per event; a redelivery carries the same id.</summary>
    Guid EventId { get; }

    /// <summary>When it happened upstream; later facts win over earlier ones whatever the arrival order.</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>A job appears on the board. Salaries are yearly amounts in the board's currency; min &lt;= max when both are given.</summary>
public sealed record JobListed : IJobBoardEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Company { get; init; }
    public required string Location { get; init; }
    /// <summary>The skills the listing names (free text, matched case-insensitively against the model's vocabulary).</summary>
    public IReadOnlyList<string> RequiredSkills { get; init; } = [];
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    /// <summary>One of <see cref="JobTypes"/>.</summary>
    public required string JobType { get; init; }
    /// <summary>One of <see cref="ExperienceLevels"/>.</summary>
    public required string ExperienceLevel { get; init; }
}

/// <summary>The listing changed: the whole listing again (the read model keeps the latest by <see cref="OccurredAt"/>).</summary>
public sealed record JobUpdated : IJobBoardEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string Company { get; init; }
    public required string Location { get; init; }
    public IReadOnlyList<string> RequiredSkills { get; init; } = [];
    public decimal? SalaryMin { get; init; }
    public decimal? SalaryMax { get; init; }
    public required string JobType { get; init; }
    public required string ExperienceLevel { get; init; }
}

/// <summary>The job no longer takes applications; it leaves every recommendation list.</summary>
public sealed record JobClosed : IJobBoardEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long JobId { get; init; }
}

/// <summary>A user's profile as it is now (the whole profile; the latest by <see cref="OccurredAt"/> wins).</summary>
public sealed record UserProfileUpdated : IJobBoardEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long UserId { get; init; }
    public IReadOnlyList<string> Skills { get; init; } = [];
    public string? Location { get; init; }
    /// <summary>One of <see cref="ExperienceLevels"/>, or null when not given.</summary>
    public string? ExperienceLevel { get; init; }
    /// <summary>Yearly, in the board's currency.</summary>
    public decimal? DesiredSalary { get; init; }
}

/// <summary>A user did something with a job: one of <see cref="InteractionKinds"/>. Each event is one interaction (a user may view a job many times).</summary>
public sealed record UserInteracted : IJobBoardEvent
{
    public required Guid EventId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required long UserId { get; init; }
    public required long JobId { get; init; }
    public required string Interaction { get; init; }
}

public static class InteractionKinds
{
    public const string Viewed = "viewed";
    public const string Saved = "saved";
    public const string Applied = "applied";
    public const string Dismissed = "dismissed";
    public static readonly IReadOnlyList<string> All = [Viewed, Saved, Applied, Dismissed];
}

public static class JobTypes
{
    public const string FullTime = "full_time";
    public const string PartTime = "part_time";
    public const string Contract = "contract";
    public const string Internship = "internship";
    public static readonly IReadOnlyList<string> All = [FullTime, PartTime, Contract, Internship];
}

/// <summary>Ordered from junior to senior: <see cref="Rank"/> measures seniority fit.</summary>
public static class ExperienceLevels
{
    public const string Entry = "entry";
    public const string Mid = "mid";
    public const string Senior = "senior";
    public const string Lead = "lead";
    public static readonly IReadOnlyList<string> All = [Entry, Mid, Senior, Lead];

    /// <summary>0 (entry) .. 3 (lead), or -1 when not one of <see cref="All"/>.</summary>
    public static int Rank(string? level) => level is null ? -1 : All.ToList().FindIndex(l => string.Equals(l, level, StringComparison.OrdinalIgnoreCase));
}
