namespace iAyos.Messaging.Contracts.Predictions;

/// <summary>Accepted spellings of the seeds' enumerations; values travel as these upper-case strings.</summary>
public static class Urgency
{
    public const string Low = "LOW";
    public const string Medium = "MEDIUM";
    public const string High = "HIGH";
    public static readonly IReadOnlyList<string> All = [Low, Medium, High];
}

public static class SkillLevel
{
    public const string Entry = "ENTRY";
    public const string Intermediate = "INTERMEDIATE";
    public const string Expert = "EXPERT";
    public static readonly IReadOnlyList<string> All = [Entry, Intermediate, Expert];
}

public static class JobType
{
    public const string Listing = "LISTING";
    public const string Invite = "INVITE";
    public static readonly IReadOnlyList<string> All = [Listing, Invite];
}

/// <summary>How big a job is; the freelancer CSV's job_scope, which carries most of its price.</summary>
public static class JobScope
{
    public const string MinorRepair = "MINOR_REPAIR";
    public const string ModerateProject = "MODERATE_PROJECT";
    public const string MajorRenovation = "MAJOR_RENOVATION";
    public static readonly IReadOnlyList<string> All = [MinorRepair, ModerateProject, MajorRenovation];
}

public static class WorkEnvironment
{
    public const string Indoor = "INDOOR";
    public const string Outdoor = "OUTDOOR";
    public const string Both = "BOTH";
    public static readonly IReadOnlyList<string> All = [Indoor, Outdoor, Both];
}
