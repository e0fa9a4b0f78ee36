namespace iAyos.Messaging.Predictions.JobBoard;

/// <summary>A listing as the read model holds it: what training, serving and the content ranking read of a job.</summary>
public sealed record JobFacts(
    long JobId,
    string Title,
    string Description,
    string Company,
    string Location,
    IReadOnlyList<string> RequiredSkills,
    decimal? SalaryMin,
    decimal? SalaryMax,
    string JobType,
    string ExperienceLevel);

/// <summary>A user's profile as the read model holds it (every part may be missing).</summary>
public sealed record UserFacts(
    long UserId,
    IReadOnlyList<string> Skills,
    string? Location,
    string? ExperienceLevel,
    decimal? DesiredSalary);
