using iAyos.Messaging.Contracts.Predictions;
using iAyos.Messaging.Predictions.Validation;

namespace iAyos.Messaging.Predictions.PriceBudget;

public static class PriceRequestValidator
{
    public const int MaxTitleLength = 200;
    /// <summary>The seed caps description length at 10k characters.</summary>
    public const int MaxDescriptionLength = 10_000;

    public static Validated<PredictPrice> Validate(PredictPrice request)
    {
        var errors = new FieldErrors();
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title))
            errors.Add("title", "is required.");
        errors.MaxLength("title", title, MaxTitleLength);
        errors.MaxLength("description", request.Description, MaxDescriptionLength);
        errors.MaxLength("category", request.Category, 100);
        if (request.CategoryId is <= 0)
            errors.Add("category_id", "must be a positive integer.");
        var urgency = errors.OneOf("urgency", request.Urgency, Urgency.All, Urgency.Medium);
        var skill = errors.OneOf("skill_level", request.SkillLevel, SkillLevel.All, SkillLevel.Intermediate);
        var tags = errors.ShortList("tags", request.Tags, 50, 50);
        var materials = errors.ShortList("materials", request.Materials, 50, 100);
        var scope = Optional(errors, "job_scope", request.JobScope, JobScope.All);
        var environment = Optional(errors, "work_environment", request.WorkEnvironment, WorkEnvironment.All);

        if (!errors.IsEmpty)
            return new Validated<PredictPrice>(null, errors.ToDictionary());
        return new Validated<PredictPrice>(request with
        {
            Title = title!,
            Description = request.Description ?? "",
            Category = string.IsNullOrWhiteSpace(request.Category) ? null : request.Category.Trim(),
            Urgency = urgency,
            SkillLevel = skill,
            Tags = tags,
            Materials = materials,
            JobScope = scope,
            WorkEnvironment = environment,
        }, errors.ToDictionary());
    }

    /// <summary>An optional enumeration: absent stays null (the model then sees zeros), present must be known.</summary>
    private static string? Optional(FieldErrors errors, string field, string? value, IReadOnlyList<string> allowed) =>
        string.IsNullOrWhiteSpace(value) ? null : errors.OneOf(field, value, allowed, allowed[0]);
}
