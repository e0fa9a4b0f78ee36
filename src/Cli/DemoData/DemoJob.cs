namespace iAyos.Messaging.Cli.DemoData;

/// <summary>One generated iAyos job, shaped like a row of <c>iayos.jobs</c>.</summary>
public sealed record DemoJob(
    long Id,
    int CategoryId,
    string Title,
    string Description,
    decimal Budget,
    string Urgency,
    string SkillLevel,
    int MaterialsCount,
    string JobType,
    string Status,
    long? WorkerId,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt);
