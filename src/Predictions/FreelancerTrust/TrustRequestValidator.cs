using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.FreelancerTrust;

/// <summary>Refuses what no real profile has (an end before its start, a start in the future, a link that is no web
/// address) and what is too big to read, naming the field; returns the profile trimmed, without blank entries.</summary>
public static class TrustRequestValidator
{
    public const int MaxBioLength = 5_000;
    public const int MaxSkills = 50;
    public const int MaxProjects = 100;
    public const int MaxTextLength = 5_000;
    public const int MaxTechnologies = 30;
    public const int MaxNameLength = 100;
    public static readonly DateOnly EarliestStart = new(1970, 1, 1);

    public static Validated<EvaluateTrust> Validate(EvaluateTrust request, DateOnly today)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(request.Bio))
            errors.Add("bio", "is required.");
        errors.MaxLength("bio", request.Bio, MaxBioLength);
        var skills = errors.ShortList("skills", request.Skills, MaxSkills, MaxNameLength);
        var projects = new List<TrustProject?>();
        if (request.Projects is { Count: > MaxProjects })
            errors.Add("projects", $"must have at most {MaxProjects} items (got {request.Projects.Count}).");
        else
            for (var i = 0; i < (request.Projects?.Count ?? 0); i++)
                projects.Add(Project(request.Projects![i], $"projects[{i}]", today, errors));
        return errors.IsEmpty
            ? new Validated<EvaluateTrust>(new EvaluateTrust { Bio = request.Bio!.Trim(), Skills = skills, Projects = projects }, new Dictionary<string, string[]>())
            : new Validated<EvaluateTrust>(null, errors.ToDictionary());
    }

    private static TrustProject? Project(TrustProject? project, string field, DateOnly today, FieldErrors errors)
    {
        if (project is null)
        {
            errors.Add(field, "must be a project, not null.");
            return null;
        }
        errors.MaxLength($"{field}.title", project.Title, MaxNameLength * 2);
        errors.MaxLength($"{field}.description", project.Description, MaxTextLength);
        var technologies = errors.ShortList($"{field}.technologies", project.Technologies, MaxTechnologies, MaxNameLength);
        if (project.StartDate is not { } start)
            errors.Add($"{field}.start_date", "is required.");
        else if (start < EarliestStart)
            errors.Add($"{field}.start_date", $"must be on or after {EarliestStart:yyyy-MM-dd}.");
        else if (start > today)
            errors.Add($"{field}.start_date", $"must not be in the future (after {today:yyyy-MM-dd}).");
        if (project is { StartDate: { } s, EndDate: { } end } && end < s)
            errors.Add($"{field}.end_date", $"must not be before start_date ({end:yyyy-MM-dd} is before {s:yyyy-MM-dd}).");
        var link = project.Link?.Trim();
        if (!string.IsNullOrEmpty(link) && !TrustIndicators.HasLink(project with { Link = link }))
            errors.Add($"{field}.link", "must be an http or https address.");
        return project with
        {
            Title = project.Title?.Trim(),
            Description = project.Description?.Trim(),
            Technologies = technologies,
            Link = string.IsNullOrEmpty(link) ? null : link,
        };
    }
}
