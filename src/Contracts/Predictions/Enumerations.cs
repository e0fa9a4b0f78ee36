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
