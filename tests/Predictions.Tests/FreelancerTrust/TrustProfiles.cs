using iAyos.Messaging.Contracts.Predictions;

namespace iAyos.Messaging.Predictions.Tests.FreelancerTrust;

/// <summary>Profiles the trust tests share, dated against <see cref="AsOf"/>.</summary>
internal static class TrustProfiles
{
    public static readonly DateOnly AsOf = new(2026, 11, 1);

    public static TrustProject Project(string start, string? end, string? link = null, params string[] technologies) => new()
    {
        Title = "Project",
        Description = "Built it.",
        Technologies = technologies,
        StartDate = DateOnly.Parse(start),
        EndDate = end is null ? null : DateOnly.Parse(end),
        Link = link,
    };

    /// <summary>Three projects in a row, 2020-2023, two linked, skills all shown.</summary>
    public static EvaluateTrust Steady() => new()
    {
        Bio = "Backend developer. I build payment APIs in C# and PostgreSQL.",
        Skills = ["C#", "PostgreSQL"],
        Projects =
        [
            Project("2020-01-01", "2020-12-31", "https://example.com/a", "C#"),
            Project("2021-01-01", "2021-12-31", "https://example.com/b", "PostgreSQL", "C#"),
            Project("2022-01-01", "2023-01-01", null, "C#"),
        ],
    };
}
