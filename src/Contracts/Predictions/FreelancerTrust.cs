namespace iAyos.Messaging.Contracts.Predictions;

/// <summary>Request: how far a freelancer's submitted profile can be trusted (seed 003). The six indicators are computed
/// from the profile by our code, never taken as numbers from the caller.</summary>
public sealed record EvaluateTrust
{
    /// <summary>The freelancer's bio or summary, free text.</summary>
    public string? Bio { get; init; }
    /// <summary>The skills the freelancer claims.</summary>
    public IReadOnlyList<string?>? Skills { get; init; }
    public IReadOnlyList<TrustProject?>? Projects { get; init; }
}

/// <summary>One project of a freelancer's history. A null end date means it is still running.</summary>
public sealed record TrustProject
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string?>? Technologies { get; init; }
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    /// <summary>An http(s) address where the work can be seen.</summary>
    public string? Link { get; init; }
}

public sealed record TrustEvaluation
{
    /// <summary>0-1: the model's sigmoid, or the threshold rules' share of checks passed.</summary>
    public required double TrustProbability { get; init; }
    /// <summary>The probability x 100, rounded to one decimal.</summary>
    public required double TrustScore { get; init; }
    /// <summary><see cref="TrustLabels.Trustworthy"/> at a probability of 0.5 or more, otherwise <see cref="TrustLabels.Risky"/>.</summary>
    public required string Label { get; init; }
    public required TrustIndicatorValues Indicators { get; init; }
    /// <summary>What in the profile lowers trust, each with its reason in words.</summary>
    public required IReadOnlyList<TrustFlag> Flags { get; init; }
    public required string Source { get; init; }
    public int? ModelVersion { get; init; }
}

/// <summary>Seed 003's six project indicators, by its names (snake_case on the wire).</summary>
public sealed record TrustIndicatorValues
{
    public required int NumProjects { get; init; }
    /// <summary>Years from the first project's start to the last project's end (today for a running one).</summary>
    public required double TotalYears { get; init; }
    /// <summary>Mean project length in months.</summary>
    public required double AvgProjectDuration { get; init; }
    /// <summary>Pairs of projects whose timelines overlap by more than a month.</summary>
    public required int OverlapCount { get; init; }
    /// <summary>0-1: how far claimed skills, project technologies and the text agree.</summary>
    public required double TechConsistency { get; init; }
    /// <summary>0-1: the share of projects with a link.</summary>
    public required double ProjectLinkRatio { get; init; }
}

/// <summary>One reason a profile looks less trustworthy, e.g. <c>overlapping_projects</c>: "3 projects overlap in 2024".</summary>
public sealed record TrustFlag
{
    public required string Code { get; init; }
    public required string Reason { get; init; }
}

public static class TrustLabels
{
    public const string Trustworthy = "trustworthy";
    public const string Risky = "risky";
}
